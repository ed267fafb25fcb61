import Logging
import PostgresNIO

/// The connection pool to PostgreSQL and the logger its queries report to. `servir` runs the pool
/// as one of the application's services; the one-shot commands run it around their work.
public struct Database: Sendable {
    /// How long a command waits for PostgreSQL before saying it cannot reach it. The pool alone
    /// would keep retrying for about a minute before giving up.
    static let connectionDeadline: Duration = .seconds(10)

    public let client: PostgresClient
    public let logger: Logger
    /// `host:port/database`, for messages.
    let target: String

    public init(configuration: PostgresClient.Configuration, logger: Logger = Logger(label: "territorio-servidor")) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.target = "\(configuration.host ?? "?"):\(configuration.port ?? 5432)/\(configuration.database ?? "")"
    }

    /// Runs the pool while `body` runs, then stops it.
    public func run<Result: Sendable>(_ body: @Sendable (Database) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Fails with a clear message when PostgreSQL does not answer within the deadline.
    public func checkReachable() async throws {
        let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await client.query("SELECT 1", logger: logger)
                return true
            }
            group.addTask {
                try await Task.sleep(for: Self.connectionDeadline)
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        guard answered else {
            throw ServerFailure("No se pudo conectar con PostgreSQL en \(target) (TERRITORIO_DB_URL) en \(Self.connectionDeadline.components.seconds) s.")
        }
    }
}
