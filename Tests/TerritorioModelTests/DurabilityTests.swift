import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// Durability, not just integrity: a child process creates drafts, edits them and attaches
/// photos, acknowledging each committed operation; it is SIGKILLed after a random 0–50
/// acknowledgements plus 0–50 ms. After the restart every acknowledged operation must be there
/// byte for byte, the database must pass `integrity_check`, and `adjuntos/` must hold no partial
/// or unreferenced file. `TERRITORIO_ITERACIONES_DURABILIDAD` sets the number of runs (200).
@Suite("Durability under SIGKILL", .serialized)
struct DurabilityTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["TERRITORIO_ITERACIONES_DURABILIDAD"] ?? "") ?? 200

    /// The child executable, built beside the test runner.
    static let child: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = (exe as NSString).deletingLastPathComponent
        while !FileManager.default.isExecutableFile(atPath: folder + "/TerritorioDurabilityChild"), folder != "/" {
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folder + "/TerritorioDurabilityChild"
    }()

    @Test("every acknowledged operation survives SIGKILL")
    func acknowledgedOperationsSurvive() throws {
        try withTemporaryDirectory { root in
            let photos = root + "/fotos"
            try FileManager.default.createDirectory(atPath: photos, withIntermediateDirectories: true)
            for (index, image) in [JPEGBuilder.jpeg(width: 64, height: 48), JPEGBuilder.jpeg(width: 80, height: 60, order: .little),
                                   PNGBuilder.png(width: 4, height: 3), PNGBuilder.png(width: 6, height: 5, exif: false, gps: false)]
                .enumerated() {
                try Data(image.bytes).write(to: URL(fileURLWithPath: photos + "/foto-\(index).\(image.format.rawValue)"))
            }
            var random = SystemRandomNumberGenerator()
            var totalAcknowledged = 0
            for iteration in 0..<Self.iterations {
                let seed = UInt64.random(in: 1...UInt64.max, using: &random)
                let acknowledgements = Int.random(in: 0...50, using: &random)
                let delay = UInt32.random(in: 0...50_000, using: &random)
                let data = root + "/datos-\(iteration)"
                let output = try runAndKill(data: data, photos: photos, seed: seed, after: acknowledgements, delayMicroseconds: delay)
                totalAcknowledged += output.filter { $0.hasPrefix("ok ") }.count
                try verify(data: data, output: output, context: "iteración \(iteration), semilla \(seed), \(acknowledgements) acuses + \(delay) µs")
                try FileManager.default.removeItem(atPath: data)
            }
            #expect(totalAcknowledged > Self.iterations * 10, "the child should commit many operations in all")
        }
    }

    /// Starts the child, waits for `count` acknowledgements, waits `delay`, kills it with SIGKILL
    /// and returns every line it printed.
    private func runAndKill(data: String, photos: String, seed: UInt64, after count: Int,
                            delayMicroseconds delay: UInt32) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.child)
        process.arguments = [data, photos, String(seed)]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = pipe.fileHandleForReading
        var text = ""
        var acknowledged = 0
        while acknowledged < count {
            var descriptor = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 30_000) > 0 else {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("the child printed nothing for 30 s")
                break
            }
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // the child ended by itself: verify() reports it
            text += String(decoding: chunk, as: UTF8.self)
            acknowledged = text.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
        }
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        text += String(decoding: (try reader.readToEnd()) ?? Data(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "the child must still be running when killed")
        // A line cut by the kill is not an acknowledgement.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return text.hasSuffix("\n") ? lines.dropLast() : Array(lines.dropLast())
    }

    private func verify(data: String, output: [String], context: String) throws {
        var lastHash: [String: String] = [:]
        for line in output where line.hasPrefix("ok ") {
            let parts = line.split(separator: " ")
            lastHash[String(parts[1])] = String(parts[2])
        }
        // Only the last operation can be in flight: committed perhaps, never acknowledged.
        let inFlight = output.last.flatMap { $0.hasPrefix("intento ") ? $0.split(separator: " ")[1] : nil }.map(String.init)

        let store = try Store(directory: DataDirectory(path: data))  // the restart
        let novedades = store.novedades()
        try novedades.collectGarbage()
        #expect(try store.database.scalar("PRAGMA integrity_check", as: String.self) == "ok", "\(context)")

        let stored = try novedades.list()
        for (id, hash) in lastHash {
            guard let novedad = stored.first(where: { $0.id == id }) else {
                Issue.record("acknowledged novedad \(id) is missing (\(context))")
                continue
            }
            var hasher = SHA256()
            hasher.update(Array(JSONWriter.string(novedad.json).utf8))
            let current = SHA256.hex(of: hasher.finalize())
            #expect(current == hash || inFlight == id, "novedad \(id) differs from its last acknowledged state (\(context))")
        }
        let unacknowledged = stored.filter { lastHash[$0.id] == nil }
        #expect(unacknowledged.count <= (inFlight == "nueva" ? 1 : 0), "novedades nobody acknowledged (\(context))")

        let referenced = Set(stored.flatMap { $0.attachments.map(\.sha256) })
        let folder = data + "/adjuntos"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in files where name != ".bloqueo" {
            #expect(referenced.contains(name), "unreferenced or partial file \(name) (\(context))")
            var hasher = SHA256()
            hasher.update(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
            #expect(SHA256.hex(of: hasher.finalize()) == name, "file \(name) does not hold its bytes (\(context))")
        }
        for hash in referenced {
            #expect(files.contains(hash), "attachment \(hash) has no file (\(context))")
        }
    }
}
