import Foundation
import Hummingbird
import ServiceLifecycle
import Testing
@testable import TerritorioServidorCore

/// The real server, in this process, on a free loopback port, over its own fresh database.
/// Limits are small so the `413` paths need only small bodies.
struct TestServer {
    static let testLimits = ServerLimits(bytesPerAttachment: 64 * 1024, attachmentsPerNovedad: 3, bytesPerNovedad: 16 * 1024)

    let baseURL: URL
    var port: Int { baseURL.port ?? 0 }
    let database: Database
    let databaseURL: String
    let objects: any ObjectStore

    var tokens: TokenStore { TokenStore(database: database) }
    var novedades: NovedadStore { NovedadStore(database: database) }
    var catalogue: CatalogueStore { CatalogueStore(database: database) }

    func url(_ path: String) -> URL {
        URL(string: path, relativeTo: baseURL)!.absoluteURL
    }

    /// Starts the server, runs `body` with it, stops it gracefully (as SIGTERM would).
    /// `objects` defaults to the test's store (`TestObjects`).
    static func run(limits: ServerLimits = testLimits, objects: (any ObjectStore)? = nil, connections: ConnectionLimits = ConnectionLimits(),
                    _ body: @Sendable (TestServer) async throws -> Void) async throws {
        let (databaseURL, database) = try await TestDatabase.createAndOpen()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let objects = try objects ?? TestObjects.store(for: database)
        let application = SyncServer.application(database: database, objects: objects, secret: TestSecret.secret, limits: limits,
                                                 connections: connections, host: "127.0.0.1", port: 0) { port in
            portContinuation.yield(port)
        }
        let services = ServiceGroup(configuration: .init(services: [application], logger: TestDatabase.quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await services.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw ServerDidNotStart()
            }
            let server = TestServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, database: database, databaseURL: databaseURL,
                                    objects: objects)
            do {
                try await body(server)
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    struct ServerDidNotStart: Error {}
}
