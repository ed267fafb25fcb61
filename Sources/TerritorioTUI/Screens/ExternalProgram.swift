import Foundation

/// A program the interface hands the terminal to — the gestor's `$EDITOR`, `chafa` for a
/// photo's preview — and what the screen does when it ends. Screens only describe it; the loop
/// suspends the terminal, runs it and resumes (`TerminalDevice.run`).
struct ExternalProgram {
    /// The command and its arguments; the first is looked up in `PATH`.
    let arguments: [String]
    /// The program's environment (the interface's own: `PATH`, `EDITOR`, `TERM`).
    let environment: [String: String]
    /// Ask for Enter before taking the terminal back, so what the program printed (a preview)
    /// stays on screen until the gestor has looked.
    let waitsForEnter: Bool
    /// Called with the terminal back: the program's exit status, or nil when it could not start.
    let finished: (Int32?) -> ScreenOutcome

    /// Whether `command` is an executable file in one of `PATH`'s folders (or is a path to one).
    static func isInstalled(_ command: String, environment: [String: String]) -> Bool {
        if command.contains("/") { return FileManager.default.isExecutableFile(atPath: command) }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }

    /// Runs the program with the terminal's stdin, stdout and stderr, and waits for it. Used by
    /// the real terminal once curses has let go of the screen, and by tests directly.
    func runAttached() -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
}
