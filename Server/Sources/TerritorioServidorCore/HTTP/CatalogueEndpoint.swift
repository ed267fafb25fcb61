import Foundation
import Hummingbird
import TerritorioWire

/// `GET /catalogo/cambios?desde=C`: the delta from the client's version to the newest, with the
/// newest's number as `ETag`, so an unchanged catalogue costs a `304` and no body.
struct CatalogueEndpoint: Sendable {
    let catalogue: CatalogueStore

    func respond(request: Request) async throws -> Response {
        guard let cursor = request.uri.queryParameters.get("desde") else {
            throw APIProblem.badRequest("Falta «desde»: el cursor del catálogo que tiene el cliente, o 0 si no tiene ninguno.")
        }
        let newest = try await catalogue.newest()
        let headers: HTTPFields = [.eTag: "\"\(newest)\"", .cacheControl: "no-cache"]
        guard newest > 0 else {
            // Whatever the client holds stays as it is: there is nothing to replace it with.
            return JSONResponse.make(text: CatalogueDelta.nothingPublished.jsonText, headers: headers)
        }
        if cursor == String(newest), Self.matches(request.headers[values: .ifNoneMatch], eTag: "\"\(newest)\"") {
            return Response(status: .notModified, headers: headers)
        }
        guard let from = Int64(cursor), let delta = try await catalogue.delta(from: from, to: newest) else {
            throw APIProblem.cursorExpired(cursor)
        }
        return JSONResponse.make(text: delta.jsonText, headers: headers)
    }

    /// RFC 9110 weak comparison against each entity tag of `If-None-Match` (`*` matches any).
    static func matches(_ values: [String], eTag: String) -> Bool {
        values.flatMap { $0.split(separator: ",") }.contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == eTag
        }
    }
}
