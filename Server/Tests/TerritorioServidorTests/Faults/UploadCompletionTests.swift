import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The client never gives up on a photo the server holds whole but has not completed.
    @Suite struct CompletarSubida {
        @Test func aServerHoldingEveryByteIsAskedToCompleteWithNoMoreBytes() async throws {
            try await FaultScenario.run { scenario in
                let (id, size) = try await scenario.queueWithPhoto(bytes: 300_000)
                let isPhoto: @Sendable (FaultProxy.Request) -> Bool = { $0.path.hasPrefix(WireProtocol.basePath + "/adjuntos/") }
                scenario.proxy.use { request, earlier in
                    request.method == "PATCH" && !earlier.contains { $0.request.method == "PATCH" } ? .answer(CannedAnswer.serverError) : .pass
                }
                let failed = try await scenario.sync()
                #expect(failed.run.status == 1, "the first attempt fails: \(failed.run.output)")

                // On the next attempt the server says it holds every byte: the client sends no
                // more bytes and asks it to complete; this server answers where it really is.
                scenario.proxy.use { request, earlier in
                    request.method == "HEAD" && isPhoto(request) && !earlier.contains { $0.request.method == "HEAD" }
                        ? .answer(CannedAnswer.holdingEveryByte(of: size)) : .pass
                }
                let (run, report) = try await scenario.sync()
                #expect(run.status == 0, "\(run.error)")
                #expect(FaultScenario.ids(report, "enviadas") == [id], "\(run.output)")
                // The refused one, the completing one, then from the server's real offset (0) the
                // photo in its pieces: a first of at most 64 KiB, and the rest at the measured rate.
                let patches = scenario.proxy.exchanges.filter { $0.request.method == "PATCH" }
                #expect(patches.count == 4)
                #expect(patches.dropFirst().first?.bodyBytesToServer == 0, "the completing request carries no bytes")
                try await scenario.converge([id])
            }
        }
    }
}
