import Hummingbird
import TerritorioWire

/// The API of docs/openapi.yaml: every endpoint under `/api/v1`, each behind the bearer token,
/// and `GET /salud` for load balancers.
public enum SyncRouter {
    public static func make(database: Database, objects: any ObjectStore, limits: ServerLimits) -> Router<BasicRequestContext> {
        let authentication = BearerAuthentication(tokens: TokenStore(database: database))
        let catalogue = CatalogueStore(database: database)
        let session = SessionEndpoint(limits: limits, catalogue: catalogue)
        let attachments = AttachmentEndpoints(limits: limits, intake: PhotoIntake(database: database, objects: objects, limits: limits))
        let health = HealthEndpoint(database: database, objects: objects)
        let novedad = NovedadEndpoint(limits: limits, novedades: NovedadStore(database: database))
        let statuses = StatusEndpoint(database: database)
        let catalogueChanges = CatalogueEndpoint(catalogue: catalogue)

        let router = Router()
        router.add(middleware: ProblemMiddleware())
        let api = router.group(RouterPath(WireProtocol.basePath))
        // No token: load balancers ask, at the root and beside the API.
        router.get("salud") { _, _ in try await health.respond() }
        api.get("salud") { _, _ in try await health.respond() }
        api.get("sesion") { request, _ in
            try await session.respond(gestor: try await authentication.gestor(for: request))
        }
        api.head("adjuntos/:sha256") { request, context in
            let gestor = try await authentication.gestor(for: request)
            return try await attachments.head(sha256: try context.parameters.require("sha256"), gestor: gestor)
        }
        api.put("adjuntos/:sha256") { request, context in
            let gestor = try await authentication.gestor(for: request)
            return try await attachments.put(sha256: try context.parameters.require("sha256"), request: request, gestor: gestor)
        }
        api.patch("adjuntos/:sha256") { request, context in
            let gestor = try await authentication.gestor(for: request)
            return try await attachments.patch(sha256: try context.parameters.require("sha256"), request: request, gestor: gestor)
        }
        api.put("novedades/:id") { request, context in
            let gestor = try await authentication.gestor(for: request)
            return try await novedad.put(id: try context.parameters.require("id"), request: request, gestor: gestor)
        }
        api.get("novedades-estados") { request, _ in
            try await statuses.respond(request: request, gestor: try await authentication.gestor(for: request))
        }
        api.get("catalogo/cambios") { request, _ in
            _ = try await authentication.gestor(for: request)
            return try await catalogueChanges.respond(request: request)
        }
        return router
    }
}
