import Foundation

/// Where a command writes: results to standard output, notices and errors to standard error.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void

    /// The process's real stdout and stderr. A write to a closed pipe is dropped, not fatal.
    static let standard = Console(
        out: { text in try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8)) },
        err: { text in try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8)) })
}
