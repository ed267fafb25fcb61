import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// What a real network answers besides the server: a proxy's or a gateway's own pages, a
    /// redirect, a full disk. Only the server's own permanent problem refuses a novedad; anything
    /// else leaves it queued with a clear reason, and the next clean sync converges.
    @Suite struct RespuestasDeLaRed {
        @Test func proxysHTMLTooLargeLeavesTheNovedadQueuedWithTheReason() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1, photoBytes: [40_000])
                scenario.proxy.use { request, _ in FaultScenario.photoUpload(request) ? .answer(CannedAnswer.proxyTooLarge) : .pass }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [id], "\(run.output)")
                let local = try await scenario.local(id)
                #expect(local["estado"] as? String == "en_cola")
                #expect((local["ultimo_error"] as? String)?.contains("un intermediario de la red rechazó el envío por tamaño") == true, "\(local)")
                #expect((local["ultimo_error"] as? String)?.contains("avise al administrador del servidor") == true)
                #expect(local["proximo_intento"] is String, "a backoff is recorded")

                try await scenario.converge([id])
            }
        }

        @Test func gatewaysBadRequestSayingTryAgainLeavesTheNovedadQueued() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1)
                scenario.proxy.use { request, _ in
                    request.method == "PUT" && request.path == WireProtocol.novedadPath(id: id) ? .answer(CannedAnswer.badRequestTryAgain) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [id], "\(run.output)")
                #expect(FaultScenario.ids(report, "rechazadas").isEmpty)
                let local = try await scenario.local(id)
                #expect(local["estado"] as? String == "en_cola")
                #expect((local["ultimo_error"] as? String)?.contains("400") == true, "\(local)")

                try await scenario.converge([id])
            }
        }

        @Test func redirectIsNotFollowedAndTheNovedadStaysQueued() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1)
                let elsewhere = "http://127.0.0.1:\(scenario.proxy.port)/otra-parte"
                scenario.proxy.use { request, _ in
                    request.method == "PUT" && request.path == WireProtocol.novedadPath(id: id) ? .answer(CannedAnswer.redirect(to: elsewhere)) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 1)
                #expect(FaultScenario.ids(report, "pendientes") == [id], "\(run.output)")
                let local = try await scenario.local(id)
                #expect(local["estado"] as? String == "en_cola")
                #expect(local["ultimo_error"] as? String
                        == "el servidor respondió con una redirección a \(elsewhere); revise la dirección en Perfil", "\(local)")
                #expect(!scenario.proxy.exchanges.contains { $0.request.path == "/otra-parte" }, "the body never went elsewhere")

                // The whole address redirects: the run stops before anything is sent.
                scenario.proxy.use { _, _ in .answer(CannedAnswer.redirect(to: elsewhere)) }
                let moved = try await scenario.sync()
                #expect(moved.run.status == 1)
                #expect(moved.run.error.contains("redirección a \(elsewhere); revise la dirección en Perfil"), "\(moved.run.error)")
                #expect(!scenario.proxy.exchanges.contains { $0.request.path == "/otra-parte" })

                try await scenario.converge([id])
            }
        }

        @Test func insufficientStorageWithRetryAfterIsWaitedOut() async throws {
            try await FaultScenario.run { scenario in
                let id = try await scenario.queue(1)
                let put: @Sendable (FaultProxy.Request) -> Bool = { $0.method == "PUT" && $0.path == WireProtocol.novedadPath(id: id) }
                scenario.proxy.use { request, earlier in
                    put(request) && !earlier.contains { put($0.request) } ? .answer(CannedAnswer.insufficientStorage(retryAfter: 1)) : .pass
                }

                let (run, report) = try await scenario.sync()
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == [id])
                #expect(run.error.contains("El servidor pidió esperar 1 s"), "\(run.error)")

                try await scenario.converge([id])
            }
        }

        @Test func serversOwnLimitsRefuseForGoodAndAreSavedForAttachingAndQueueing() async throws {
            try await FaultScenario.run(limits: ServerLimits(bytesPerAttachment: 50_000, attachmentsPerNovedad: 2)) { scenario in
                // Before the first sync the client does not know the server's limits.
                let draft = try await scenario.queue(1, photoBytes: [80_000], queued: false)
                let queued = try await scenario.queue(2, photoBytes: [80_000])

                let (run, report) = try await scenario.sync()
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "rechazadas") == [queued], "the server's own 413 demasiado-grande is permanent")
                #expect(try await scenario.local(queued)["estado"] as? String == "rechazada")

                let encolar = try await scenario.client.run(["novedad", "encolar", draft])
                #expect(encolar.status == 1)
                #expect(encolar.error.contains("el servidor acepta fotos de hasta 50 KB"), "\(encolar.error)")
                #expect(try await scenario.local(draft)["estado"] as? String == "borrador")

                let path = scenario.client.folder + "/grande.png"
                try Data(TestPhoto.png(seed: 99, bytes: 80_000)).write(to: URL(fileURLWithPath: path))
                let attach = try await scenario.client.run(["novedad", "adjuntar", draft, path])
                #expect(attach.status == 1)
                #expect(attach.error.contains("el servidor acepta fotos de hasta 50 KB"), "\(attach.error)")
                #expect((try await scenario.local(draft)["adjuntos"] as? [[String: Any]])?.count == 1, "nothing attached")

                try await scenario.converge([])
            }
        }
    }
}
