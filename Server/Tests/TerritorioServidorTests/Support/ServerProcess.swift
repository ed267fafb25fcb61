import Foundation
import Testing

/// The built `territorio-servidor` executable, run as a person or a script would.
enum ServerProcess {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// Next to the test bundle: `swift build --build-tests` builds both into the same folder.
    static var executable: URL {
        get throws {
            let folder = Bundle.main.executableURL?.deletingLastPathComponent()
                ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("territorio-servidor") }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                Issue.record("No se encontró territorio-servidor junto a las pruebas (\(folder.path)); compile antes con swift build --build-tests.")
                throw NotBuilt()
            }
            return found
        }
    }

    static func environment(databaseURL: String?) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TERRITORIO_DB_URL"] = databaseURL
        environment.merge(TestObjects.environment(forDatabaseURL: databaseURL)) { _, new in new }
        environment.merge(TestSecret.environment) { _, new in new }
        return environment
    }

    /// Runs a command to the end and collects its output; `extra` adds to or replaces variables.
    static func run(_ arguments: [String], databaseURL: String?, extra: [String: String] = [:]) async throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.environment = environment(databaseURL: databaseURL).merging(extra) { _, new in new }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                // Both pipes drain at once so neither fills and blocks the child.
                let errorData = Collected()
                let group = DispatchGroup()
                DispatchQueue.global().async(group: group) { errorData.data = error.fileHandleForReading.readDataToEndOfFile() }
                let outputData = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus,
                                                      output: String(decoding: outputData, as: UTF8.self),
                                                      error: String(decoding: errorData.data, as: UTF8.self)))
            }
        }
    }

    /// `servir --puerto 0` running until `body` returns; `body` gets the URL it printed.
    static func serving(databaseURL: String, extra: [String: String] = [:], _ body: (URL) async throws -> Void) async throws -> Int32 {
        let (process, url) = try await start(databaseURL: databaseURL, extra: extra)
        defer { if process.isRunning { process.terminate() } }
        try await body(url)
        process.terminate()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }

    /// Starts `servir --puerto 0` and waits for the URL it prints once it accepts connections;
    /// `extra` adds to its environment, and with `log`, what it writes to standard error (its
    /// log) goes to that file.
    static func start(databaseURL: String, extra: [String: String] = [:], log: String? = nil) async throws -> (process: Process, url: URL) {
        let process = Process()
        process.executableURL = try executable
        process.arguments = ["servir", "--puerto", "0"]
        process.environment = environment(databaseURL: databaseURL).merging(extra) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        if let log {
            guard FileManager.default.createFile(atPath: log, contents: nil), let handle = FileHandle(forWritingAtPath: log) else {
                Issue.record("No se pudo crear \(log)")
                throw NotBuilt()
            }
            process.standardError = handle
        }
        try process.run()
        let line = await firstLine(of: output.fileHandleForReading)
        // Whatever it logs afterwards is read and dropped, so a full pipe never blocks it.
        DispatchQueue.global().async { while !output.fileHandleForReading.availableData.isEmpty {} }
        let prefix = "Escuchando en "
        guard let line, line.hasPrefix(prefix), let url = URL(string: String(line.dropFirst(prefix.count))) else {
            if process.isRunning { process.terminate() }
            Issue.record("servir no anunció su dirección; primera línea: \(line ?? "(nada)")")
            throw NotBuilt()
        }
        return (process, url)
    }

    /// SIGKILL: the server stops mid-request, with no chance to finish or clean anything.
    static func kill(_ process: Process) async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// The first line written to `handle`, or nil if it closes first.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                continuation.resume(returning: text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init).flatMap { $0.isEmpty ? nil : $0 })
            }
        }
    }

    struct NotBuilt: Error {}

    /// Bytes read on another queue; the group's wait orders the write before the read.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
