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
            try await KillableServer.run { scenario, server in
                let (id, size) = try await scenario.queueWithPhoto(bytes: 900_000)
                let patch: @Sendable (FaultProxy.Request) -> Bool = { $0.method == "PATCH" }
                // The photo's first piece passes; the second stalls after 340 000 of its bytes.
                let (running, midway) = try await scenario.startSyncStalling(patch, afterBodyBytes: 340_000)
                await server.kill()
                try #require(midway, "the photo never started: \(running.error)")
                #expect(await running.finished() == 1, "the client's upload fails when the server dies")
                #expect(try await scenario.local(id)["estado"] as? String == "en_cola")
                #expect(try await scenario.serverRows().isEmpty)
                let held = try await scenario.heldUploadBytes()
                #expect(held < 400_000, "nothing past what arrived is held; an incomplete photo is never an attachment")

                try await server.restart(behind: scenario.proxy)
                let before = scenario.proxy.exchanges.count
                try await scenario.converge([id])
                #expect(FaultScenario.photoBytes(scenario.proxy.exchanges[before...], patch) == size - held,
                        "the restarted server is sent exactly what it did not keep")
            }
        }
    }
}
