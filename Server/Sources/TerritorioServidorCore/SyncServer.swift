import Hummingbird
import HummingbirdCore
import NIOCore
import ServiceLifecycle

/// The HTTP server: the router, the database pool and the hourly maintenance (with the retention
/// purge) as services beside it, and the schema migrated before the first request is accepted.
public enum SyncServer {
    /// `onReady` gets the bound port once the server accepts connections (useful with port 0).
    public static func application(database: Database, objects: any ObjectStore, secret: DigestSecret, limits: ServerLimits = ServerLimits(),
                                   lifetimes: Maintenance.Lifetimes = Maintenance.Lifetimes(),
                                   connections: ConnectionLimits = ConnectionLimits(), retention: RetentionSettings = RetentionSettings(),
                                   host: String, port: Int, onReady: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let maintenance = Maintenance.Schedule(maintenance: Maintenance(database: database, objects: objects, lifetimes: lifetimes, retention: retention),
                                               interval: .seconds(3600))
        let headerTimeout = connections.headerTimeout
        var application = Application(
            router: SyncRouter.make(database: database, objects: objects, limits: limits, secret: secret),
            server: .readBoundedHTTP1(configuration: .init(additionalChannelHandlers: [HeaderReadTimeout(timeout: headerTimeout)],
                                                idleTimeout: TimeAmount(connections.idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(connections.maximumConnections)),
            services: [database.client, maintenance],
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: database.logger
        )
        application.beforeServerStarts {
            try await database.checkReachable()
            try await objects.check()
            guard try await Schema.migrate(database, secret: secret) else {
                throw ServerFailure("La base de datos tiene pasos del esquema pendientes: ejecute antes «territorio-servidor migrar-adjuntos».")
            }
        }
        return application
    }
}
