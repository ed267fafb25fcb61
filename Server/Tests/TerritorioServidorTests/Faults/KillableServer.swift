import Foundation
@testable import TerritorioServidorCore

/// The server as a real `territorio-servidor` process on a new database, for the tests that
/// SIGKILL it in the middle of a sync and start it again on the same database; the scenario's
/// proxy forwards to whichever process runs. Used by one test task at a time.
final class KillableServer: @unchecked Sendable {
    let databaseURL: String
    private var processes: [Process] = []

    private init(databaseURL: String) {
        self.databaseURL = databaseURL
    }

    /// Runs `body` with a fault scenario in front of a new server process; every process still
    /// running at the end is stopped.
    static func run(_ body: @escaping @Sendable (FaultScenario, KillableServer) async throws -> Void) async throws {
        let (databaseURL, database) = try await TestDatabase.createAndOpen()
        try await database.run { database in
            let server = KillableServer(databaseURL: databaseURL)
            defer { server.stop() }
            let port = try await server.start()
            try await FaultScenario.run(database: database, serverPort: port) { scenario in
                try await body(scenario, server)
            }
        }
    }

    /// SIGKILLs the running server, as a crash or a power cut would.
    func kill() async {
        guard let running = processes.last else { return }
        await ServerProcess.kill(running)
    }

    /// Starts the server again on the same database and sends the proxy's traffic to it.
    func restart(behind proxy: FaultProxy) async throws {
        proxy.forward(to: try await start())
    }

    private func start() async throws -> Int {
        let started = try await ServerProcess.start(databaseURL: databaseURL)
        processes.append(started.process)
        return started.url.port ?? 0
    }

    private func stop() {
        for process in processes where process.isRunning { process.terminate() }
    }
}
