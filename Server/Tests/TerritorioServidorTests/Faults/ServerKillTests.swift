import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The server as a real `territorio-servidor` process, SIGKILLed mid-photo and started again.
    @Suite struct ServidorMatado {
        @Test func serverKilledMidPhotoKeepsItsStoredPiecesAndTheRestartedServerResumes() async throws {
            let databaseURL = try await TestDatabase.create()
            let database = Database(configuration: try DatabaseURL.configuration(from: databaseURL), logger: TestDatabase.quietLogger)
            try await database.run { database in
                let first = try await ServerProcess.start(databaseURL: databaseURL)
                try await FaultScenario.run(database: database, serverPort: first.url.port ?? 0) { scenario in
                    let id = try await scenario.queue(1, photoBytes: [900_000])
                    let size = try #require((try await scenario.local(id)["adjuntos"] as? [[String: Any]])?.first?["bytes"] as? Int)
                    let patch: @Sendable (FaultProxy.Request) -> Bool = { $0.method == "PATCH" }
                    scenario.proxy.use { request, earlier in
                        patch(request) && !earlier.contains { patch($0.request) } ? .stallRequest(afterBodyBytes: 400_000) : .pass
                    }
                    let running = try scenario.client.start(["sincronizar"])
                    let stored = try await scenario.heldUploadBytes { $0 >= AttachmentEndpoints.storedPiece }
                    await ServerProcess.kill(first.process)
                    try #require(stored >= AttachmentEndpoints.storedPiece && stored < 400_000,
                                 "the server stores what arrives in pieces: \(stored), \(running.error)")
                    #expect(await running.finished() == 1, "the client's upload fails when the server dies")
                    #expect(try await scenario.local(id)["estado"] as? String == "en_cola")
                    #expect(try await scenario.heldUploadBytes() == stored, "what was stored survives; what was in memory is gone")

                    let second = try await ServerProcess.start(databaseURL: databaseURL)
                    defer { second.process.terminate() }
                    scenario.proxy.forward(to: second.url.port ?? 0)
                    try await scenario.converge([id])
                    #expect(scenario.proxy.exchanges.last { patch($0.request) }?.bodyBytesToServer == size - stored,
                            "the restarted server is asked only for the rest")
                }
            }
        }
    }
}
