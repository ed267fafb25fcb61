import Hummingbird
import TerritorioWire

/// The API of docs/openapi.yaml: every endpoint under `/api/v1` in one group behind the bearer
/// token, whose handlers get the authenticated gestor from their context; and `GET /salud`,
/// without a token, for load balancers.
enum SyncRouter {
    static func make(database: Database, objects: any ObjectStore, limits: ServerLimits, secret: DigestSecret) -> Router<APIRequestContext> {
        let catalogue = CatalogueStore(database: database)
        let session = SessionEndpoint(limits: limits, catalogue: catalogue)
        let attachments = AttachmentEndpoints(limits: limits, intake: PhotoIntake(database: database, objects: objects, limits: limits))
        let health = HealthEndpoint(database: database, objects: objects)
        let novedad = NovedadEndpoint(limits: limits, novedades: NovedadStore(database: database), secret: secret)
        let statuses = StatusEndpoint(database: database)
        let catalogueChanges = CatalogueEndpoint(catalogue: catalogue)

        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        // No token: load balancers ask, at the root and beside the API.
        let open = APIRoutes(group: router.group())
        for path in ["salud", WireProtocol.basePath + "/salud"] {
            open.add(path, [.get: { _, _ in try await health.respond() }])
        }
        let api = APIRoutes(group: router.group(RouterPath(WireProtocol.basePath))
            .add(middleware: BearerAuthentication(tokens: TokenStore(database: database)))
            .group(context: GestorRequestContext.self))
        api.add("sesion", [
            .get: { _, context in try await session.respond(gestor: context.gestor) },
        ])
        api.add("adjuntos/:sha256", [
            .head: { _, context in try await attachments.head(sha256: try context.parameters.require("sha256"), gestor: context.gestor) },
            .put: { request, context in
                try await attachments.put(sha256: try context.parameters.require("sha256"), request: request, gestor: context.gestor)
            },
            .patch: { request, context in
                try await attachments.patch(sha256: try context.parameters.require("sha256"), request: request, gestor: context.gestor)
            },
        ])
        api.add("novedades/:id", [
            .put: { request, context in try await novedad.put(id: try context.parameters.require("id"), request: request, gestor: context.gestor) },
        ])
        api.add("novedades-estados", [
            .get: { request, context in try await statuses.respond(request: request, gestor: context.gestor) },
        ])
        api.add("catalogo/cambios", [
            .get: { request, _ in try await catalogueChanges.respond(request: request) },
        ])
        return router
    }
}
