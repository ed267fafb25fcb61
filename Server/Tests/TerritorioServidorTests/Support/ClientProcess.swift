import Foundation
import Testing
import TerritorioTestSupport

/// The real `territorio` client, as built by the root package (`swift build` in the repository,
/// which `scripts/test` runs first), on a private data directory. Runs are awaited without
/// blocking a thread of the test's executor: the proxy and the in-process server need them.
struct ClientProcess {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// A `territorio` process still running, to be killed at a chosen moment.
    final class Running: @unchecked Sendable {
        let process: Process
        let outputPath: String
        let errorPath: String

        init(process: Process, outputPath: String, errorPath: String) {
            self.process = process
            self.outputPath = outputPath
            self.errorPath = errorPath
        }

        deinit {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }

        /// What it wrote to standard error so far.
        var error: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

        /// SIGTERM, and waits for it to end (`script` ends the program in its terminal first).
        func terminate() async {
            process.terminate()
            await ClientProcess.exit(of: process)
        }

        /// Waits for it to end by itself; its exit status.
        func finished() async -> Int32 {
            await ClientProcess.exit(of: process)
            return process.terminationStatus
        }

        /// SIGKILL: no handler runs, no buffer is flushed, no transaction is finished.
        func kill() async {
            Foundation.kill(process.processIdentifier, SIGKILL)
            await ClientProcess.exit(of: process)
        }
    }

    /// `../.build/debug/territorio` from the Server package.
    static var executable: String {
        get throws {
            let path = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/territorio").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                Issue.record("No se encontró el cliente en \(path): compile antes el paquete raíz con «swift build» (scripts/test lo hace).")
                throw NotBuilt()
            }
            return path
        }
    }

    /// The client's home, removed when the last copy of this value goes.
    private let home: TemporaryFolder
    var folder: String { home.path }
    var dataDirectory: String { folder + "/datos" }

    init() throws {
        home = try TemporaryFolder()
    }

    /// Runs `territorio --datos … arguments` to the end.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await Self.execute(try Self.executable, ["--datos", dataDirectory] + arguments, environment: self.environment(environment))
    }

    /// Starts `territorio --datos … arguments`, to be killed later.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        try Self.launch(try Self.executable, ["--datos", dataDirectory] + arguments, environment: self.environment(environment))
    }

    /// Starts the interface (`territorio` with no command) in a 160×30 pseudo-terminal made by
    /// util-linux `script`, with its background sync; end it with `terminate()`.
    func startInterface() throws -> Running {
        let command = "stty cols 160 rows 30; exec '\(try Self.executable)' --datos '\(dataDirectory)'"
        return try Self.launch("/usr/bin/script", ["-qfc", command, "/dev/null"], environment: environment(["TERM": "xterm-256color"]))
    }

    /// Runs any program to the end (the client's own `sqlite3` reads, for instance).
    static func execute(_ program: String, _ arguments: [String], environment: [String: String] = ["PATH": "/usr/bin:/bin"]) async throws -> Result {
        let running = try launch(program, arguments, environment: environment)
        await exit(of: running.process)
        return Result(status: running.process.terminationStatus,
                      output: (try? String(contentsOfFile: running.outputPath, encoding: .utf8)) ?? "",
                      error: running.error)
    }

    /// Output captured in files beside the program's temp folder: no pipe can fill up and block it.
    private static func launch(_ program: String, _ arguments: [String], environment: [String: String]) throws -> Running {
        let capture = NSTemporaryDirectory() + "territorio-salida-" + UUID().uuidString
        FileManager.default.createFile(atPath: capture + ".out", contents: nil)
        FileManager.default.createFile(atPath: capture + ".err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: capture + ".err"))
        try process.run()
        return Running(process: process, outputPath: capture + ".out", errorPath: capture + ".err")
    }

    private func environment(_ extra: [String: String]) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8"].merging(extra) { $1 }
    }

    fileprivate static func exit(of process: Process) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    struct NotBuilt: Error {}
}
