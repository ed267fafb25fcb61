import Hummingbird
import HummingbirdCore
import NIOCore

/// The HTTP server: the router, the database pool as a service beside it, and the schema
/// migrated before the first request is accepted.
public enum SyncServer {
    /// `onReady` gets the bound port once the server accepts connections (useful with port 0).
    public static func application(database: Database, limits: ServerLimits = ServerLimits(), connections: ConnectionLimits = ConnectionLimits(),
                                   host: String, port: Int, onReady: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let headerTimeout = connections.headerTimeout
        var application = Application(
            router: SyncRouter.make(database: database, limits: limits),
            server: .http1(configuration: .init(additionalChannelHandlers: [HeaderReadTimeout(timeout: headerTimeout)],
                                                idleTimeout: TimeAmount(connections.idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(connections.maximumConnections)),
            services: [database.client],
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: database.logger
        )
        application.beforeServerStarts {
            try await database.checkReachable()
            try await Schema.migrate(database)
        }
        return application
    }
}
