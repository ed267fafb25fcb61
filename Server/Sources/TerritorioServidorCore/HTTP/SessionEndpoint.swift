import Hummingbird
import TerritorioWire

/// `GET /sesion`: the preflight. Its fixed JSON shape (`servicio: "territorio"`) is how the client
/// tells this server from a captive portal that answers `200` with a login page.
struct SessionEndpoint: Sendable {
    let limits: ServerLimits
    let catalogue: CatalogueStore

    func respond(gestor: AuthenticatedGestor) async throws -> Response {
        let session = SessionResponse(
            gestor: gestor.name,
            limites: .init(bytes_por_adjunto: limits.bytesPerAttachment, adjuntos_por_novedad: limits.attachmentsPerNovedad),
            catalogo: .init(cursor: String(try await catalogue.newest()))
        )
        return try JSONResponse.make(session, headers: [.cacheControl: "no-store"])
    }
}
