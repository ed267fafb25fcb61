import Foundation
import Logging
import PostgresNIO
import Testing
@testable import TerritorioServidorCore

/// A fresh, empty database per test in the PostgreSQL of `TERRITORIO_DB_URL`, so tests never see
/// each other's rows. Run the tests through `scripts/postgres-temporal`, which provides one.
enum TestDatabase {
    /// Creates the database and returns its URL.
    static func create() async throws -> String {
        guard let base = ProcessInfo.processInfo.environment[DatabaseURL.environmentVariable], !base.isEmpty else {
            Issue.record("""
                Falta \(DatabaseURL.environmentVariable): estas pruebas necesitan un PostgreSQL real. Ejecútelas con
                scripts/postgres-temporal bash -c 'cd Server && swift build --build-tests && swift test --skip-build'
                """)
            throw MissingDatabase()
        }
        let name = "prueba_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = Database(configuration: try DatabaseURL.configuration(from: base), logger: quietLogger)
        try await admin.run { database in
            _ = try await database.client.query("CREATE DATABASE \(unescaped: name)", logger: database.logger)
        }
        guard var components = URLComponents(string: base) else { throw MissingDatabase() }
        components.path = "/" + name
        return try #require(components.string)
    }

    /// Creates the database and opens it in this process: its URL (for server processes and
    /// clients the test starts) and the `Database` to run in.
    static func createAndOpen() async throws -> (url: String, database: Database) {
        let url = try await create()
        return (url, Database(configuration: try DatabaseURL.configuration(from: url), logger: quietLogger))
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "pruebas")
        logger.logLevel = .error
        return logger
    }

    struct MissingDatabase: Error {}
}
