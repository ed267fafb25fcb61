import Foundation
import Testing

/// The reference server (`Server/`, `territorio-servidor`) running for real on a free loopback
/// port, over its own fresh database in the throwaway PostgreSQL that `scripts/test` starts
/// (`TERRITORIO_DB_URL`). `stop()` (and deinit) end it.
final class SyncServerProcess {
    /// `TERRITORIO_SERVIDOR_BIN`, else the Server package's debug build.
    static let binary = ProcessInfo.processInfo.environment["TERRITORIO_SERVIDOR_BIN"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Server/.build/debug/territorio-servidor").path

    let databaseURL: String
    private(set) var baseURL = ""
    private let process = Process()
    /// What the server and its administration commands run with: this test's database, photo folder
    /// and digest secret, so nothing of the test lands in the real home.
    private let environment: [String: String]

    init() throws {
        guard let template = ProcessInfo.processInfo.environment["TERRITORIO_DB_URL"] else {
            throw Failure("TERRITORIO_DB_URL no está definida: corra las pruebas con scripts/test (arranca PostgreSQL)")
        }
        databaseURL = try Self.freshDatabase(from: template)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["servir", "--puerto", "0"]
        // The photos in a folder of this test's own (the server's default store), and its own secret.
        let name = URL(string: databaseURL)?.lastPathComponent ?? ""
        let photos = NSTemporaryDirectory() + "territorio-pruebas-adjuntos/" + name
        let secret = NSTemporaryDirectory() + "territorio-pruebas-secreto-" + name
        let secretText = (0..<4).map { _ in UUID().uuidString.replacingOccurrences(of: "-", with: "") }.joined()
        guard FileManager.default.createFile(atPath: secret, contents: Data(secretText.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure("no se pudo escribir el secreto de prueba en \(secret)")
        }
        environment = ["PATH": "/usr/bin:/bin", "TERRITORIO_DB_URL": databaseURL, "TERRITORIO_ADJUNTOS_DIR": photos,
                       "TERRITORIO_SECRETO_ARCHIVO": secret]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for "Escuchando en http://127.0.0.1:PORT", polling the pipe with a timeout.
        var text = ""
        let reader = pipe.fileHandleForReading
        while !text.contains("\n") {
            var descriptor = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 60_000) > 0 else { throw Failure("el servidor no arrancó en 60 s") }
            let chunk = reader.availableData
            guard !chunk.isEmpty else { throw Failure("el servidor terminó al arrancar: \(text)") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: "http://") else { throw Failure("salida inesperada del servidor: \(text)") }
        baseURL = String(text[range.lowerBound...].prefix { !$0.isWhitespace })
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Runs a `territorio-servidor` administration command against this server's database.
    func admin(_ arguments: [String]) throws -> Run {
        try CLI.execute(Self.binary, arguments, environment: environment)
    }

    /// A new, empty database beside the one in `template`, so each test starts clean.
    private static func freshDatabase(from template: String) throws -> String {
        guard var components = URLComponents(string: template) else { throw Failure("TERRITORIO_DB_URL no es una URL: \(template)") }
        let name = "prueba_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let create = try CLI.execute("/usr/bin/psql", [template, "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)"],
                                     environment: ["PATH": "/usr/bin:/bin"])
        guard create.status == 0 else { throw Failure("no se pudo crear la base de datos de prueba: \(create.stderr)") }
        components.path = "/" + name
        return components.string ?? template
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
