import Foundation
import NIOCore
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

/// One fault test's world: the real server over a fresh database, a `FaultProxy` in front of it,
/// and the real `territorio` client on its own data directory, its profile pointing at the proxy
/// with a fresh token. Every test ends with `converge`.
struct FaultScenario {
    /// The server's database, for the tokens and for checking what it stored.
    let database: Database
    /// The server's object store, to check the photos it holds.
    let objects: any ObjectStore
    let proxy: FaultProxy
    let client: ClientProcess

    var tokens: TokenStore { TokenStore(database: database) }
    var catalogue: CatalogueStore { CatalogueStore(database: database) }

    /// With the server running in this process, announcing and enforcing `limits`.
    static func run(limits: ServerLimits = ServerLimits(), _ body: @escaping @Sendable (FaultScenario) async throws -> Void) async throws {
        try await TestServer.run(limits: limits) { server in
            try await run(database: server.database, objects: server.objects, serverPort: server.baseURL.port ?? 0, body)
        }
    }

    /// With the server on `serverPort` over `database` (a `territorio-servidor` process the test
    /// may kill and start again).
    static func run(database: Database, objects: (any ObjectStore)? = nil, serverPort: Int,
                    _ body: (FaultScenario) async throws -> Void) async throws {
        let objects = try objects ?? TestObjects.store(for: database)
        try await FaultProxy.run(forwardingTo: serverPort) { proxy in
            let client = try ClientProcess()
            let scenario = FaultScenario(database: database, objects: objects, proxy: proxy, client: client)
            try await scenario.useNewToken()
            try await body(scenario)
        }
    }

    /// A new token for the gestor, saved in the client's profile with the proxy as the server.
    func useNewToken() async throws {
        let token = try await tokens.create(gestor: "Ana Pérez")
        let profile = try await client.run(["perfil", "--nombre", "Ana Pérez", "--entidad", "sdis",
                                            "--servidor", "http://127.0.0.1:\(proxy.port)", "--token", token])
        try #require(profile.status == 0, "\(profile.error)")
    }

    /// Queues `count` novedades with one small photo each; returns their ids in the order the
    /// client sends them (oldest first, then by id: several are created within one second).
    func queue(count: Int) async throws -> [String] {
        var queued: [(id: String, createdAt: String)] = []
        for number in 1...count {
            let id = try await queue(number)
            queued.append((id, try #require(try await local(id)["creada_en"] as? String)))
        }
        return queued.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map(\.id)
    }

    /// Queues novedad 1 with one photo of about `bytes`: its id and the photo's size as kept.
    func queueWithPhoto(bytes: Int) async throws -> (id: String, size: Int) {
        let id = try await queue(1, photoBytes: [bytes])
        return (id, try await photoSize(of: id))
    }

    /// Lets the first request `matching` pass and stalls the next one after `bytes` of its body,
    /// starts a sync, and waits for the stall: the running client (to kill it, or the server, at
    /// that point) and whether the stall was reached.
    func startSyncStalling(_ matching: @escaping @Sendable (FaultProxy.Request) -> Bool,
                           afterBodyBytes bytes: Int) async throws -> (running: ClientProcess.Running, stalled: Bool) {
        proxy.use { request, earlier in
            matching(request) && earlier.contains { matching($0.request) } ? .stallRequest(afterBodyBytes: bytes) : .pass
        }
        let running = try client.start(["sincronizar"])
        let stalled = try await proxy.wait { $0.contains { matching($0.request) && $0.bodyBytesToServer >= bytes } }
        return (running, stalled)
    }

    /// The size in bytes of the first photo of novedad `id` as the client keeps it (location removed).
    func photoSize(of id: String) async throws -> Int {
        try #require((try await local(id)["adjuntos"] as? [[String: Any]])?.first?["bytes"] as? Int)
    }

    /// Queues (or only drafts) a novedad with photos of about these sizes; returns its id.
    func queue(_ number: Int, photoBytes: [Int] = [3_000], queued: Bool = true) async throws -> String {
        var arguments = ["novedad", "crear", "--tipo", "hueco", "--localidad", "kennedy", "--json",
                         "--descripcion", "Hueco número \(number) frente al colegio, peligroso para los niños."] + (queued ? ["--encolar"] : [])
        for (index, size) in photoBytes.enumerated() {
            let path = client.folder + "/foto-\(number)-\(index).png"
            try Data(TestPhoto.png(seed: number * 10 + index, bytes: size)).write(to: URL(fileURLWithPath: path))
            arguments += ["--adjunto", path]
        }
        let run = try await client.run(arguments)
        try #require(run.status == 0, "\(run.error)")
        return try #require(try Self.object(run.output)["id"] as? String)
    }

    /// `territorio sincronizar --json`, its report parsed (empty when it printed none).
    func sync(environment: [String: String] = [:]) async throws -> (run: ClientProcess.Result, report: [String: Any]) {
        let run = try await client.run(["sincronizar", "--json"], environment: environment)
        return (run, (try? Self.object(run.output)) ?? [:])
    }

    /// `territorio novedad ver ID --json`.
    func local(_ id: String) async throws -> [String: Any] {
        let run = try await client.run(["novedad", "ver", id, "--json"])
        try #require(run.status == 0, "\(run.error)")
        return try Self.object(run.output)
    }

    /// A `PATCH` of a photo's bytes.
    static let photoUpload: @Sendable (FaultProxy.Request) -> Bool = {
        $0.method == "PATCH" && $0.path.hasPrefix(WireProtocol.basePath + "/adjuntos/")
    }

    /// The photo bytes these exchanges carried to the server.
    static func photoBytes(_ exchanges: ArraySlice<FaultProxy.Exchange>, _ upload: (FaultProxy.Request) -> Bool) -> Int {
        exchanges.filter { upload($0.request) }.map(\.bodyBytesToServer).reduce(0, +)
    }

    /// The ids in a report's list (`enviadas`, `pendientes`, `rechazadas`).
    static func ids(_ report: [String: Any], _ list: String) -> [String] {
        (report[list] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The catalogue cursor the client saved, read from its database.
    func catalogueCursor() async throws -> String? {
        let query = try await ClientProcess.execute("/usr/bin/sqlite3", [client.dataDirectory + "/territorio.sqlite",
                                                    "SELECT valor FROM sincronizacion WHERE clave = 'cursor_catalogo'"])
        let value = query.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// Polls (up to 5 s) until the bytes the server holds of incomplete uploads satisfy
    /// `condition`: it stores them as they arrive and as a failed request ends, after the client
    /// already saw the failure.
    func heldUploadBytes(until condition: (Int) -> Bool) async throws -> Int {
        var held = try await heldUploadBytes()
        for _ in 0..<250 where !condition(held) {
            try await Task.sleep(for: .milliseconds(20))
            held = try await heldUploadBytes()
        }
        return held
    }

    /// Bytes of photos the server holds from uploads not yet complete.
    func heldUploadBytes() async throws -> Int {
        let rows = try await database.client.query("SELECT coalesce(sum(recibidos), 0)::bigint FROM subidas",
                                                          logger: database.logger)
        for try await held in rows.decode(Int64.self) { return Int(held) }
        return 0
    }

    /// Rows the server holds for each novedad id.
    func serverRows() async throws -> [(id: String, radicado: String)] {
        let rows = try await database.client.query("SELECT id::text, radicado FROM novedades ORDER BY id", logger: database.logger)
        var result: [(id: String, radicado: String)] = []
        for try await (id, radicado) in rows.decode((String, String).self) { result.append((id, radicado)) }
        return result
    }

    /// A last sync with every fault gone, then the proof: each queued novedad on the server
    /// exactly once with its photos byte for byte as the client stored them, and the client
    /// showing the server's radicado for each.
    /// - Returns: the last sync's report.
    @discardableResult
    func converge(_ ids: [String]) async throws -> [String: Any] {
        proxy.use { _, _ in .pass }
        let (run, report) = try await sync()
        #expect(run.status == 0, "la sincronización final debe terminar bien: \(run.error)")
        #expect(Self.ids(report, "pendientes").isEmpty, "\(run.output)")
        let rows = try await serverRows()
        #expect(rows.count == ids.count, "una fila por novedad: \(rows)")
        for id in ids {
            let matching = rows.filter { $0.id == id }
            #expect(matching.count == 1, "exactamente una fila para \(id)")
            let local = try await local(id)
            #expect(local["estado"] as? String == "enviada")
            #expect(local["radicado"] as? String == matching.first?.radicado, "el cliente muestra el radicado del servidor")
            let localHashes = (local["adjuntos"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String }
            let stored = try await serverPhotos(of: id)
            #expect(stored.map(\.sha256) == localHashes)
            for photo in stored {
                let file = FileManager.default.contents(atPath: client.dataDirectory + "/adjuntos/" + photo.sha256)
                #expect(file.map(Array.init) == photo.bytes, "la foto \(photo.sha256.prefix(12)) es idéntica byte a byte")
            }
        }
        return report
    }

    private func serverPhotos(of id: String) async throws -> [(sha256: String, bytes: [UInt8])] {
        let rows = try await database.client.query("""
            SELECT sha256 FROM novedad_adjuntos WHERE novedad_id = \(id)::uuid ORDER BY posicion
            """, logger: database.logger)
        var hashes: [String] = []
        for try await hash in rows.decode(String.self) { hashes.append(hash) }
        var result: [(sha256: String, bytes: [UInt8])] = []
        for hash in hashes {
            var bytes: [UInt8] = []
            if let object = try await AttachmentStore(database: database).object(of: hash) {
                bytes = try await TestObjects.bytes(of: object, in: objects)
            }
            result.append((hash, bytes))
        }
        return result
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "no es un objeto JSON: \(text)")
    }
}
