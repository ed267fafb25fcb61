import Hummingbird
import TerritorioWire

/// `GET /novedades-estados?desde=N`: status changes of the gestor's own novedades after N.
struct StatusEndpoint: Sendable {
    let database: Database

    func respond(request: Request, gestor: AuthenticatedGestor) async throws -> Response {
        guard let text = request.uri.queryParameters.get("desde"), let after = StatusCursor.parse(text) else {
            throw APIProblem.badRequest("«desde» debe ser el cursor que dio el servidor (un número entero desde 0, sin ceros a la izquierda).")
        }
        let changes = try await StatusLog.changes(for: gestor, after: after, in: database)
        return try JSONResponse.make(changes, headers: [.cacheControl: "no-store"])
    }
}
