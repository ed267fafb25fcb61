import Testing
import TerritorioModel
@testable import TerritorioTUI

/// `sincronizar` on a terminal: a photo's progress redrawn in place at most once a second, notes
/// on lines of their own.
struct ProgressLineTests {
    @Test func transferIsRedrawnInPlaceAtMostOnceASecondAndNotesEndTheLine() {
        final class Clock: @unchecked Sendable { var now = ContinuousClock.now }
        let clock = Clock()
        var written: [String] = []
        let line = ProgressLine(write: { written.append($0) }, clock: { clock.now })

        line.show(SyncProgress("foto 1 de 1: 0 B de 600 KB", isTransfer: true))
        clock.now += .milliseconds(400)
        line.show(SyncProgress("foto 1 de 1: 2 KB de 600 KB", isTransfer: true))
        clock.now += .milliseconds(700)
        line.show(SyncProgress("foto 1 de 1: 50 KB de 600 KB · faltan unos 2 min", isTransfer: true))
        line.show(SyncProgress("Novedad 3f2a9c16: enviando los datos…"))
        line.finish()

        #expect(written == ["\r\u{1B}[Kfoto 1 de 1: 0 B de 600 KB",
                            "\r\u{1B}[Kfoto 1 de 1: 50 KB de 600 KB · faltan unos 2 min",
                            "\n", "Novedad 3f2a9c16: enviando los datos…\n"])
    }
}
