import Foundation
import TerritorioModel

/// Where a command writes: results to standard output, notices and errors to standard error.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void

    /// The process's real stdout and stderr. A write to a closed pipe is dropped, not fatal.
    /// Every line passes `TerminalText.visible`: whatever text from outside a message carries,
    /// no control character reaches the terminal (`--json` output has none left to change).
    static let standard = Console(
        out: { text in try? FileHandle.standardOutput.write(contentsOf: Data((TerminalText.visible(text, keepingLineBreaks: true) + "\n").utf8)) },
        err: { text in try? FileHandle.standardError.write(contentsOf: Data((TerminalText.visible(text, keepingLineBreaks: true) + "\n").utf8)) })
}
