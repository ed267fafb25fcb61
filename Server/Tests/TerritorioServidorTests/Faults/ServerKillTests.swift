import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The server as a real `territorio-servidor` process, SIGKILLed mid-photo and started again:
    /// whatever it had stored of the photo survives and is not sent again; nothing half-stored
    /// is ever an attachment.
    @Suite struct ServidorMatado {
        @Test func serverKilledMidPhotoIsSentOnlyWhatItDidNotKeepOnceStartedAgain() async throws {
            let databaseURL = try await TestDatabase.create()
            let database = Database(configuration: try DatabaseURL.configuration(from: databaseURL), logger: TestDatabase.quietLogger)
            try await database.run { database in
                let first = try await ServerProcess.start(databaseURL: databaseURL)
                defer { if first.process.isRunning { first.process.terminate() } }
                try await FaultScenario.run(database: database, serverPort: first.url.port ?? 0) { scenario in
                    let id = try await scenario.queue(1, photoBytes: [900_000])
                    let size = try #require((try await scenario.local(id)["adjuntos"] as? [[String: Any]])?.first?["bytes"] as? Int)
                    let patch: @Sendable (FaultProxy.Request) -> Bool = { $0.method == "PATCH" }
                    // The photo's first piece passes; the second stalls after 340 000 of its bytes.
                    scenario.proxy.use { request, earlier in
                        patch(request) && earlier.contains { patch($0.request) } ? .stallRequest(afterBodyBytes: 340_000) : .pass
                    }
                    let running = try scenario.client.start(["sincronizar"])
                    let midway = try await scenario.proxy.wait { $0.contains { patch($0.request) && $0.bodyBytesToServer >= 340_000 } }
                    await ServerProcess.kill(first.process)
                    try #require(midway, "the photo never started: \(running.error)")
                    #expect(await running.finished() == 1, "the client's upload fails when the server dies")
                    #expect(try await scenario.local(id)["estado"] as? String == "en_cola")
                    #expect(try await scenario.serverRows().isEmpty)
                    let held = try await scenario.heldUploadBytes()
                    #expect(held < 400_000, "nothing past what arrived is held; an incomplete photo is never an attachment")

                    let second = try await ServerProcess.start(databaseURL: databaseURL)
                    defer { second.process.terminate() }
                    scenario.proxy.forward(to: second.url.port ?? 0)
                    let before = scenario.proxy.exchanges.count
                    try await scenario.converge([id])
                    #expect(FaultScenario.photoBytes(scenario.proxy.exchanges[before...], patch) == size - held,
                            "the restarted server is sent exactly what it did not keep")
                }
            }
        }
    }
}
