import Foundation
import TerritorioModel

/// `sincronizar`'s progress when standard output is a terminal: a photo's progress is redrawn in
/// place on one line, at most once a second (a slow link confirms pieces often enough to keep it
/// alive, never so often that it flickers); a note ends that line and gets its own.
final class ProgressLine {
    private let write: (String) -> Void
    private let clock: () -> ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private var isOpen = false

    init(write: @escaping (String) -> Void, clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.write = write
        self.clock = clock
    }

    func show(_ progress: SyncProgress) {
        guard progress.isTransfer else {
            finish()
            write(progress.line + "\n")
            return
        }
        let now = clock()
        if let lastDrawn, now - lastDrawn < .seconds(1) { return }
        lastDrawn = now
        write("\r\u{1B}[K" + progress.line)
        isOpen = true
    }

    /// Ends the line being redrawn, so what follows starts on a line of its own.
    func finish() {
        guard isOpen else { return }
        write("\n")
        isOpen = false
        lastDrawn = nil
    }
}
