import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore
import TerritorioTestSupport

extension ServidorReal {
    /// The object store goes away in the middle of a photo and comes back: the server answers
    /// the client that it cannot work now, keeps what it stored, and the client converges.
    /// With S3 the store is reached through a `FaultProxy` that resets every connection while it
    /// is down; with the folder store the folder is moved away and a file put in its place.
    @Suite struct AlmacenCaido {
        @Test func storeDownMidUploadAndBackTheClientConverges() async throws {
            if TestObjects.usesS3 {
                let environment = ProcessInfo.processInfo.environment
                let endpoint = try #require(environment["TERRITORIO_S3_URL"].flatMap(URL.init(string:)))
                try await FaultProxy.run(forwardingTo: endpoint.port ?? 80) { storeProxy in
                    let objects = S3ObjectStore(endpoint: URL(string: "http://127.0.0.1:\(storeProxy.port)")!,
                                                bucket: environment["TERRITORIO_S3_BUCKET"] ?? "",
                                                prefix: try S3KeyPrefix("pruebas/almacen-caido-" + UUID().uuidString.lowercased()), region: "us-east-1",
                                                accessKey: environment["TERRITORIO_S3_ACCESS_KEY"] ?? "",
                                                secretKey: environment["TERRITORIO_S3_SECRET_KEY"] ?? "")
                    try await Self.scenario(objects: objects, down: { storeProxy.use { _, _ in .reset } }, up: { storeProxy.use { _, _ in .pass } })
                }
            } else {
                let folder = try TemporaryFolder()
                try await Self.scenario(objects: FolderObjectStore(root: folder.path), down: {
                    try FileManager.default.moveItem(atPath: folder.path, toPath: folder.path + ".fuera")
                    try Data().write(to: URL(fileURLWithPath: folder.path))
                }, up: {
                    try FileManager.default.removeItem(atPath: folder.path)
                    try FileManager.default.moveItem(atPath: folder.path + ".fuera", toPath: folder.path)
                })
            }
        }

        private static func scenario(objects: any ObjectStore, down: @escaping @Sendable () throws -> Void,
                                     up: @escaping @Sendable () throws -> Void) async throws {
            try await TestServer.run(limits: ServerLimits(), objects: objects) { server in
                try await FaultScenario.run(database: server.database, objects: objects, serverPort: server.baseURL.port ?? 0) { scenario in
                    let id = try await scenario.queue(1, photoBytes: [9_500_000])
                    let running = try scenario.client.start(["sincronizar"])
                    var stored = false
                    for _ in 0..<3_000 where !stored {
                        let rows = try await server.database.client.query("SELECT count(*) FROM subida_piezas", logger: server.database.logger)
                        for try await count in rows.decode(Int64.self) { stored = count > 0 }
                        if !stored { try await Task.sleep(for: .milliseconds(20)) }
                    }
                    try #require(stored, "no piece of the photo was ever stored: \(running.error)")
                    try down()
                    #expect(await running.finished() == 1, "the sync cannot finish while the store is down")
                    #expect(try await scenario.local(id)["estado"] as? String == "en_cola")
                    let held = try await scenario.heldUploadBytes()
                    #expect(held > 0, "the pieces stored before the outage are kept")

                    try up()
                    try await scenario.converge([id])
                }
            }
        }
    }
}
