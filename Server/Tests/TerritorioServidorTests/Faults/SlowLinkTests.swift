import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// A photo over a slow link (2G/EDGE in Sumapaz, ≈ 40 kbps): the proxy moves 5 000 bytes per
    /// second each way. The client limits silence, not size: the upload goes on while bytes move,
    /// and only a connection that moves nothing for the stall limit is cut, to be resumed later.
    @Suite struct EnlaceLento {
        /// The ratio of the run's time to the link's own time is printed for the README; the test
        /// asserts what must hold on any machine: one run, the photo's bytes sent once, no failure.
        @Test func photoOverASlowLinkGoesInOneRunWithEachByteSentOnce() async throws {
            try await FaultScenario.run { scenario in
                let (id, size) = try await scenario.queueWithPhoto(bytes: 600_000)
                let rate = 5_000
                scenario.proxy.limitRate(toBytesPerSecond: rate)

                let started = ContinuousClock.now
                let (run, report) = try await scenario.sync()
                let elapsed = ContinuousClock.now - started
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == [id], "\(run.output)")
                let local = try await scenario.local(id)
                #expect(local["intentos"] as? Int == 1, "one attempt: the slow upload never counted as a failure")
                #expect(local["ultimo_error"] is NSNull, "\(local)")
                let patches = scenario.proxy.exchanges.filter { FaultScenario.photoUpload($0.request) }
                #expect(FaultScenario.photoBytes(scenario.proxy.exchanges[...], FaultScenario.photoUpload) == size,
                        "every byte of the photo crossed the link once")
                #expect(run.error.contains("foto 1 de 1: "), "\(run.error)")
                #expect(run.error.contains("faltan unos") || run.error.contains("falta"), "the time left is told")

                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let linkSeconds = Double(size) / Double(rate)
                print(String(format: "enlace lento: %d bytes a %d B/s en %.1f s; el enlace solo: %.1f s; razón %.2f; %d PATCH",
                             size, rate, seconds, linkSeconds, seconds / linkSeconds, patches.count))

                scenario.proxy.limitRate(toBytesPerSecond: nil)
                try await scenario.converge([id])
            }
        }

        /// The interface's background sync (which, unlike `sincronizar`, honours backoff) at the
        /// same rate: the novedad is watched — by other `territorio` processes, as a gestor's
        /// commands would — while its photo goes, and no failure is ever recorded.
        @Test func backgroundSyncDeliversWithoutEverRecordingAFailure() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1, photoBytes: [200_000])
                scenario.proxy.limitRate(toBytesPerSecond: 5_000)
                let interface = try scenario.client.startInterface()
                var observed: [[String: Any]] = []
                let deadline = ContinuousClock.now + .seconds(240)
                while ContinuousClock.now < deadline {
                    let local = try await scenario.local(id)
                    observed.append(local)
                    if local["estado"] as? String == "enviada" { break }
                    try await Task.sleep(for: .seconds(1))
                }
                await interface.terminate()
                #expect(observed.last?["estado"] as? String == "enviada", "\(observed.last ?? [:])")
                #expect(observed.contains { $0["estado"] as? String == "enviando" }, "it was watched while it went")
                #expect(observed.allSatisfy { $0["ultimo_error"] is NSNull }, "no failure recorded while the photo moved")
                #expect(observed.allSatisfy { ($0["intentos"] as? Int ?? 0) <= 1 }, "one attempt")
                #expect(observed.allSatisfy { $0["proximo_intento"] is NSNull }, "no backoff")

                scenario.proxy.limitRate(toBytesPerSecond: nil)
                try await scenario.converge([id])
            }
        }

        @Test func connectionThatStopsMovingBytesIsCutAndResumedLater() async throws {
            try await FaultScenario.run { scenario in
                let (id, size) = try await scenario.queueWithPhoto(bytes: 300_000)
                // The first piece passes, the second moves 10 000 bytes and then nothing, every later one nothing at all.
                // (The second is sized from the rate the first one measured, never under 16 KiB: on a
                // loaded machine it may be well under 100 KB.)
                scenario.proxy.use { request, earlier in
                    guard FaultScenario.photoUpload(request) else { return .pass }
                    switch earlier.filter({ FaultScenario.photoUpload($0.request) }).count {
                    case 0: return .pass
                    case 1: return .stallRequest(afterBodyBytes: 10_000)
                    default: return .stallRequest(afterBodyBytes: 0)
                    }
                }

                let (run, report) = try await scenario.sync(environment: ["TERRITORIO_ESPERA_SEGUNDOS": "2"])
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [id], "\(run.output)")
                #expect(scenario.proxy.exchanges.filter { FaultScenario.photoUpload($0.request) }.count == 3,
                        "after the silent piece that moved bytes, one more piece, then the attempt ends")
                let local = try await scenario.local(id)
                #expect(local["estado"] as? String == "en_cola")
                #expect((local["ultimo_error"] as? String)?.contains("llegó al servidor en 2 s") == true, "\(local)")
                let next = try #require((local["proximo_intento"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
                #expect(next <= Date(), "bytes moved in this attempt: no backoff")
                let arrived = FaultScenario.photoBytes(scenario.proxy.exchanges[...], FaultScenario.photoUpload)
                let firstPiece = scenario.proxy.exchanges.first { FaultScenario.photoUpload($0.request) }?.bodyBytesToServer ?? 0
                let held = try await scenario.heldUploadBytes { $0 == arrived }
                #expect(held == arrived && held == firstPiece + 10_000, "the server kept what arrived before the link went silent")

                let before = scenario.proxy.exchanges.count
                try await scenario.converge([id])
                #expect(FaultScenario.photoBytes(scenario.proxy.exchanges[before...], FaultScenario.photoUpload) == size - held,
                        "the next sync sends only the rest")
            }
        }
    }
}
