import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The report of issue «Server at scale»: three 11 MB photos, the server SIGKILLed in the
    /// middle of the sync and started again. Twenty times, killed each time at another byte (in
    /// the first, second or third photo, within or between pieces): the novedad always reaches the
    /// server within two more syncs.
    @Suite struct ServidorMatadoEnBucle {
        static let rounds = 20
        static let photoBytes = 11_000_000

        @Test func serverKilledMidSyncWithThreeLargePhotosConvergesWithinTwoMoreSyncs() async throws {
            try await KillableServer.run { scenario, server in
                var ids: [String] = []
                for round in 1...Self.rounds {
                    let id = try await scenario.queue(round, photoBytes: Array(repeating: Self.photoBytes, count: 3))
                    ids.append(id)
                    let sentBefore = Self.photoBytesSent(scenario.proxy.exchanges)
                    // Somewhere in the 33 MB, a different point each round.
                    let killAt = sentBefore + (round * 1_570_000) % (3 * Self.photoBytes - 500_000) + 200_000
                    let running = try scenario.client.start(["sincronizar"])
                    let reached = try await scenario.proxy.wait(seconds: 120) { Self.photoBytesSent($0) >= killAt }
                    await server.kill()
                    try #require(reached, "round \(round): the upload never reached byte \(killAt - sentBefore): \(running.error)")
                    _ = await running.finished()

                    try await server.restart(behind: scenario.proxy)
                    var syncs = 0
                    while syncs < 2, try await scenario.local(id)["estado"] as? String != "enviada" {
                        let (run, _) = try await scenario.sync()
                        syncs += 1
                        if run.status != 0 { Issue.record("round \(round), sync \(syncs): \(run.error)") }
                    }
                    #expect(try await scenario.local(id)["estado"] as? String == "enviada",
                            "round \(round) (killed at byte \(killAt - sentBefore)) converges within two syncs")
                }
                try await scenario.converge(ids)
            }
        }

        /// Photo bytes that reached the server so far, over every exchange.
        private static func photoBytesSent(_ exchanges: [FaultProxy.Exchange]) -> Int {
            exchanges.filter { $0.request.method == "PATCH" }.reduce(0) { $0 + $1.bodyBytesToServer }
        }
    }
}
