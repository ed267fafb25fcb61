import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The real client against the real server through `FaultProxy`: each fault really happens on
    /// the wire (or to the process), and each test ends with a clean sync that converges — every
    /// queued novedad on the server exactly once, photos byte for byte, radicados on the client.
    @Suite struct Fallas {
        private static func novedadPUT(_ id: String) -> @Sendable (FaultProxy.Request) -> Bool {
            { $0.method == "PUT" && $0.path == WireProtocol.novedadPath(id: id) }
        }

        @Test func serverDownLeavesEverythingQueuedAndOneDownMidBatchBlocksNothingSent() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 3)

                scenario.proxy.use { _, _ in .reset }
                let down = try await scenario.sync()
                #expect(down.run.status == 1)
                #expect(down.run.error.contains("Sin conexión con el servidor"), "\(down.run.error)")
                for id in ids {
                    let local = try await scenario.local(id)
                    #expect(local["estado"] as? String == "en_cola")
                    #expect(local["intentos"] as? Int == 0, "nothing is attempted without the preflight")
                }

                let firstSent = Self.novedadPUT(ids[0])
                scenario.proxy.use { _, earlier in earlier.contains { firstSent($0.request) } ? .reset : .pass }
                let midway = try await scenario.sync()
                #expect(midway.run.status == 1)
                #expect(FaultScenario.ids(midway.report, "enviadas") == [ids[0]], "\(midway.run.output)")
                #expect(FaultScenario.ids(midway.report, "pendientes") == [ids[1], ids[2]])
                #expect(try await scenario.serverRows().map(\.id) == [ids[0]])

                try await scenario.converge(ids)
            }
        }

        @Test func serverErrorInTheMiddleOfABatchDefersOnlyThatNovedad() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 3)
                let failing = Self.novedadPUT(ids[1])
                scenario.proxy.use { request, _ in failing(request) ? .answer(CannedAnswer.serverError) : .pass }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "enviadas") == [ids[0], ids[2]], "\(run.output)")
                #expect(FaultScenario.ids(report, "pendientes") == [ids[1]])
                let deferred = try await scenario.local(ids[1])
                #expect(deferred["estado"] as? String == "en_cola")
                #expect(deferred["intentos"] as? Int == 1)
                #expect((deferred["ultimo_error"] as? String)?.contains("500") == true, "\(deferred)")
                #expect(deferred["proximo_intento"] is String, "a backoff is recorded")
                #expect(try await scenario.serverRows().count == 2)

                try await scenario.converge(ids)
            }
        }

        @Test func answerLostAfterTheServerCommittedIsRetriedIntoTheSameRow() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)
                let lost = Self.novedadPUT(ids[0])
                scenario.proxy.use { request, earlier in
                    lost(request) && !earlier.contains { lost($0.request) } ? .dropResponse : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [ids[0]], "\(run.output)")
                #expect(FaultScenario.ids(report, "enviadas") == [ids[1]])
                let committed = try #require(try await scenario.serverRows().first { $0.id == ids[0] }, "the server committed it")
                #expect(try await scenario.local(ids[0])["radicado"] is NSNull, "the client never saw the receipt")

                try await scenario.converge(ids)
                #expect(try await scenario.local(ids[0])["radicado"] as? String == committed.radicado, "the replay gives the same radicado")
            }
        }

        @Test func novedadCutMidBodyIsNotStoredAndIsSentAgain() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)
                let cut = Self.novedadPUT(ids[0])
                scenario.proxy.use { request, earlier in
                    cut(request) && !earlier.contains { cut($0.request) } ? .cutRequest(afterBodyBytes: 100) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [ids[0]], "\(run.output)")
                #expect(scenario.proxy.exchanges.first { cut($0.request) }?.bodyBytesToServer == 100)
                #expect(try await scenario.serverRows().map(\.id) == [ids[1]], "half a novedad is no novedad")

                try await scenario.converge(ids)
            }
        }

        @Test func captivePortalAnsweringHTMLToEverythingMarksNothingSent() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)

                scenario.proxy.use { _, _ in .answer(CannedAnswer.captivePortal) }
                let portal = try await scenario.sync()
                #expect(portal.run.status == 1)
                #expect(portal.run.error.contains("iniciar sesión"), "\(portal.run.error)")

                // The portal steps in after the preflight: its 200 pages are no receipt, no upload.
                scenario.proxy.use { request, _ in request.path == WireProtocol.sessionPath ? .pass : .answer(CannedAnswer.captivePortal) }
                let midway = try await scenario.sync()
                #expect(midway.run.status == 1)
                #expect(FaultScenario.ids(midway.report, "enviadas").isEmpty, "\(midway.run.output)")
                #expect(FaultScenario.ids(midway.report, "pendientes") == ids)
                for id in ids {
                    #expect(try await scenario.local(id)["estado"] as? String == "en_cola")
                }
                #expect(try await scenario.serverRows().isEmpty)

                try await scenario.converge(ids)
            }
        }

        @Test func tooManyRequestsWithRetryAfterOneSecondIsWaitedOutInTheSameRun() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)
                let busy = Self.novedadPUT(ids[0])
                scenario.proxy.use { request, earlier in
                    busy(request) && !earlier.contains { busy($0.request) } ? .answer(CannedAnswer.tooManyRequests(retryAfter: 1)) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == ids)
                let attempts = scenario.proxy.exchanges.filter { busy($0.request) }
                #expect(attempts.count == 2)
                if attempts.count == 2 {
                    #expect(attempts[1].arrivedAt - attempts[0].arrivedAt >= .milliseconds(950), "Retry-After: 1 is honoured")
                }
                #expect(run.error.contains("El servidor pidió esperar 1 s"), "\(run.error)")

                try await scenario.converge(ids)
            }
        }

        @Test func tokenRevokedMidRunStopsItWithTheInstructionAndANewTokenFinishes() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 3)
                let second = Self.novedadPUT(ids[1])
                let tokens = scenario.tokens
                scenario.proxy.use { request, _ in
                    second(request) ? .passAfter { _ = try await tokens.revoke(gestor: "ana-perez") } : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(run.error.contains("Pida un token nuevo a su coordinador"), "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == [ids[0]], "\(run.output)")
                #expect(FaultScenario.ids(report, "pendientes") == [ids[1]])
                #expect(try await scenario.local(ids[2])["intentos"] as? Int == 0, "the run stopped before the third")
                #expect(try await scenario.serverRows().map(\.id) == [ids[0]])

                try await scenario.useNewToken()
                try await scenario.converge(ids)
            }
        }

        @Test func photoLostByTheServerBeforeItsNovedadIsUploadedAgainInTheSameRun() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 1)
                let put = Self.novedadPUT(ids[0])
                let database = scenario.database
                // Just before the novedad arrives, the server loses the photos it confirmed.
                scenario.proxy.use { request, earlier in
                    put(request) && !earlier.contains { put($0.request) }
                        ? .passAfter { _ = try await database.client.query("DELETE FROM adjuntos", logger: database.logger) } : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == ids, "\(run.output)")
                #expect(run.error.contains("el servidor no tiene la foto"), "\(run.error)")
                #expect(try await scenario.serverRows().map(\.id) == ids)

                try await scenario.converge(ids)
            }
        }

        @Test func cataloguePullCutMidwayKeepsTheCatalogueAndItsCursor() async throws {
            try await FaultScenario.run { scenario in
                var sample = try Fixtures.sampleCatalogue()
                sample["version"] = "2026.12-fallas"
                _ = try await scenario.catalogue.publish(CatalogueFile(bytes: Array(try Fixtures.json(sample))))
                let before = try await scenario.client.run(["catalogo", "listar", "--json"]).output
                let id = try await scenario.queue(1)

                scenario.proxy.use { request, _ in
                    request.path == WireProtocol.catalogueChangesPath ? .cutResponse(afterBytes: 50_000) : .pass
                }
                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(run.error.contains("Sin conexión"), "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == [id], "what was pushed is reported")
                let cut = try #require(scenario.proxy.exchanges.last { $0.request.path == WireProtocol.catalogueChangesPath })
                #expect(cut.bytesToClient == 50_000)
                #expect(try await scenario.client.run(["catalogo", "listar", "--json"]).output == before)
                #expect(try await scenario.catalogueCursor() == nil, "the cursor does not pass what was stored")

                let final = try await scenario.converge([id])
                #expect(final["catalogo_version"] as? String == "2026.12-fallas")
                #expect(try await scenario.catalogueCursor() == "1")
            }
        }

        @Test func clientKilledBetweenTheReceiptAndItsLocalCommitResendsIntoTheSameRow() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)
                let running = try scenario.client.start(["sincronizar"], environment: ["TERRITORIO_BLOQUEAR_EN": "despues-de-respuesta"])
                let blocked = try await poll { running.error.contains("detenido en «despues-de-respuesta»") }
                await running.kill()
                try #require(blocked, "the client never reached the point: \(running.error)")

                let rows = try await scenario.serverRows()
                #expect(rows.map(\.id) == [ids[0]], "the server committed the first")
                #expect(try await scenario.local(ids[0])["estado"] as? String == "enviando", "the local commit never happened")

                try await scenario.converge(ids)
                #expect(try await scenario.local(ids[0])["radicado"] as? String == rows.first?.radicado)
            }
        }

        @Test func twoSyncsAtOnceOneRefusesAndTheQueueStillConverges() async throws {
            try await FaultScenario.run { scenario in
                let ids = try await scenario.queue(count: 2)
                // The first sync holds the data directory's lock, stopped right after its first receipt.
                let first = try scenario.client.start(["sincronizar"], environment: ["TERRITORIO_BLOQUEAR_EN": "despues-de-respuesta"])
                let blocked = try await poll { first.error.contains("detenido en «despues-de-respuesta»") }
                try #require(blocked, "the first sync never reached the point: \(first.error)")

                let (second, _) = try await scenario.sync()
                #expect(second.status == 1)
                #expect(second.error.contains("Ya hay una sincronización en curso"), "\(second.error)")
                #expect(try await scenario.serverRows().map(\.id) == [ids[0]], "the refused sync sent nothing")

                await first.kill()
                try await scenario.converge(ids)
            }
        }

        @Test func connectionResetMidPhotoResumesFromTheServersOffset() async throws {
            try await FaultScenario.run { scenario in
                let (id, size) = try await scenario.queueWithPhoto(bytes: 900_000)
                let patch: @Sendable (FaultProxy.Request) -> Bool = { $0.method == "PATCH" }
                // The photo's second piece (on this fast link, the whole rest) is reset midway.
                scenario.proxy.use { request, earlier in
                    patch(request) && earlier.filter({ patch($0.request) }).count == 1 ? .resetRequest(afterBodyBytes: 540_000) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [id], "\(run.output)")
                let arrived = FaultScenario.photoBytes(scenario.proxy.exchanges[...], patch)
                let held = try await scenario.heldUploadBytes { $0 == arrived }
                #expect(held == arrived && held > 540_000, "the server kept what arrived before the reset")
                #expect(try await scenario.serverRows().isEmpty)

                let before = scenario.proxy.exchanges.count
                try await scenario.converge([id])
                let resent = FaultScenario.photoBytes(scenario.proxy.exchanges[before...], patch)
                #expect(resent == size - held, "the retry sends only what the server lacked")
                #expect(resent < size)
            }
        }

        @Test func clientKilledMidPhotoLeavesNothingVisibleAndTheNextSyncCompletes() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1, photoBytes: [600_000])
                let photoUpload: @Sendable (FaultProxy.Request) -> Bool = { $0.method != "HEAD" && $0.path.hasPrefix(WireProtocol.basePath + "/adjuntos/") }
                // The photo's first piece passes; the second stalls after 140 000 of its bytes.
                let (running, midway) = try await scenario.startSyncStalling(photoUpload, afterBodyBytes: 140_000)
                await running.kill()
                try #require(midway, "the photo never started: \(running.error)")
                #expect(try await scenario.serverRows().isEmpty)
                #expect(try await scenario.local(id)["estado"] as? String == "enviando")
                let arrived = FaultScenario.photoBytes(scenario.proxy.exchanges[...], photoUpload)
                let held = try await scenario.heldUploadBytes { $0 == arrived }
                #expect(held == arrived && held > 140_000, "the server keeps what arrived before the connection dropped")

                let before = scenario.proxy.exchanges.count
                try await scenario.converge([id])
                let size = try await scenario.photoSize(of: id)
                #expect(FaultScenario.photoBytes(scenario.proxy.exchanges[before...], photoUpload) == size - held, "the next sync sends only the rest")
            }
        }
    }
}
