import Foundation
import NIOCore
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// Photos in the object store, PostgreSQL holding only their names, with the real client and
    /// real `territorio-servidor` processes.
    @Suite struct FotosEnElAlmacen {
        static func databaseSize(_ database: Database) async throws -> Int64 {
            let rows = try await database.client.query("SELECT pg_database_size(current_database())", logger: database.logger)
            for try await size in rows.decode(Int64.self) { return size }
            return 0
        }

        @Test func aNovedadWithThreePhotosLeavesTheirBytesInTheStoreAndNoneInPostgreSQL() async throws {
            try await FaultScenario.run { scenario in
                let sizes = [2_000_000, 1_500_000, 1_000_000]
                let id = try await scenario.queue(1, photoBytes: sizes)
                let before = try await Self.databaseSize(scenario.database)
                try await scenario.converge([id])  // each photo byte for byte, read back from the store
                let growth = try await Self.databaseSize(scenario.database) - before
                #expect(growth < 1_000_000, "PostgreSQL grew by \(growth) bytes for \(sizes.reduce(0, +)) bytes of photos")
                let rows = try await scenario.database.client.query("""
                    SELECT count(*) FROM information_schema.columns WHERE table_name IN ('adjuntos', 'subidas', 'subida_piezas') AND data_type = 'bytea'
                    """, logger: scenario.database.logger)
                for try await columns in rows.decode(Int64.self) { #expect(columns == 0, "no column can hold a photo's bytes") }
            }
        }

        @Test func servirRefusesToStartWithABucketItCannotReachAndNamesIt() async throws {
            let databaseURL = try await TestDatabase.create()
            let result = try await ServerProcess.run(["servir", "--puerto", "0"], databaseURL: databaseURL, extra: [
                "TERRITORIO_S3_URL": "http://127.0.0.1:1", "TERRITORIO_S3_BUCKET": "fotos-de-prueba",
                "TERRITORIO_S3_ACCESS_KEY": "clave", "TERRITORIO_S3_SECRET_KEY": "secreto",
            ])
            #expect(result.status == 1)
            #expect(result.error.contains("«fotos-de-prueba»"), "\(result.error)")
            let incomplete = try await ServerProcess.run(["servir", "--puerto", "0"], databaseURL: databaseURL, extra: [
                "TERRITORIO_S3_URL": "", "TERRITORIO_S3_BUCKET": "fotos", "TERRITORIO_S3_ACCESS_KEY": "", "TERRITORIO_S3_SECRET_KEY": "",
            ])
            #expect(incomplete.status == 1)
            #expect(incomplete.error.contains("TERRITORIO_S3_URL"), "\(incomplete.error)")
        }

        @Test func halfAPhotoSentThroughOneInstanceIsFinishedThroughAnother() async throws {
            let (databaseURL, database) = try await TestDatabase.createAndOpen()
            try await database.run { database in
                let first = try await ServerProcess.start(databaseURL: databaseURL)
                defer { if first.process.isRunning { first.process.terminate() } }
                let second = try await ServerProcess.start(databaseURL: databaseURL)
                defer { if second.process.isRunning { second.process.terminate() } }
                let token = try await TokenStore(database: database).create(gestor: "Ana")
                let photo = Fixtures.photo("entre-instancias", bytes: 300_000)
                let path = WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo))
                let url = { (base: URL) in URL(string: path, relativeTo: base)!.absoluteURL }

                let half = try await SubidasPorGestor.patch(url(first.url), token: token, body: photo.prefix(120_000), offset: 0, length: photo.count)
                #expect(half.status == 204)
                let head = try await HTTPClient.send("HEAD", url(second.url), token: token)
                #expect(head.header(WireProtocol.uploadOffsetHeader) == "120000", "the second instance sees what the first received")
                let rest = try await SubidasPorGestor.patch(url(second.url), token: token, body: photo.suffix(from: 120_000), offset: 120_000, length: photo.count)
                #expect(rest.status == 201)
                #expect(try await HTTPClient.send("HEAD", url(first.url), token: token).status == 200)
                #expect(try await TestObjects.photo(Fixtures.sha256(photo), database: database) == Array(photo))
            }
        }

        @Test func theMigrationMovesPhotosStoredInPostgreSQLByEarlierVersionsIntoTheStore() async throws {
            let (databaseURL, database) = try await TestDatabase.createAndOpen()
            try await database.run { database in
                try await Schema.migrate(database, secret: TestSecret.secret, through: 2)  // the schema before the object store
                // A gestor and token as that schema wrote them (before gestor identifiers).
                let token = String(repeating: "e", count: 48)
                _ = try await database.client.query("""
                    WITH g AS (INSERT INTO gestores (nombre) VALUES ('Ana') RETURNING id)
                    INSERT INTO tokens (sha256, gestor_id) SELECT \(TokenStore.hash(token)), id FROM g
                    """, logger: database.logger)
                let photos = (1...3).map { Fixtures.photo("antigua-\($0)", bytes: 40_000 * $0) }
                for photo in photos {
                    _ = try await database.client.query("""
                        INSERT INTO adjuntos (sha256, contenido, bytes) VALUES (\(Fixtures.sha256(photo)), \(ByteBuffer(bytes: photo)), \(Int64(photo.count)))
                        """, logger: database.logger)
                }
                let id = Fixtures.newID()
                _ = try await database.client.query("""
                    INSERT INTO novedades (id, radicado, gestor_id, token_id, cuerpo, cuerpo_sha256)
                    SELECT \(id)::uuid, nuevo_radicado(), gestor_id, id, '\\x7b7d'::bytea, 'x' FROM tokens
                    """, logger: database.logger)
                _ = try await database.client.query("""
                    INSERT INTO novedad_adjuntos (novedad_id, posicion, sha256) VALUES (\(id)::uuid, 1, \(Fixtures.sha256(photos[0])))
                    """, logger: database.logger)

                let migrated = try await ServerProcess.run(["migrar-adjuntos"], databaseURL: databaseURL)
                #expect(migrated.status == 0, "\(migrated.error)")
                #expect(migrated.output.contains(": 3."), "\(migrated.output)")
                for photo in photos {
                    #expect(try await TestObjects.photo(Fixtures.sha256(photo), database: database) == Array(photo))
                }
                let columns = try await database.client.query("""
                    SELECT count(*) FROM information_schema.columns WHERE table_name = 'adjuntos' AND column_name = 'contenido'
                    """, logger: database.logger)
                for try await count in columns.decode(Int64.self) { #expect(count == 0, "the later schema step dropped the column") }

                let again = try await ServerProcess.run(["migrar-adjuntos"], databaseURL: databaseURL)
                #expect(again.status == 0, "\(again.error)")
                #expect(again.output.contains(": 0."), "a second run finds nothing left: \(again.output)")

                _ = try await ServerProcess.serving(databaseURL: databaseURL) { (base: URL) async throws in
                    let named = URL(string: WireProtocol.attachmentPath(sha256: Fixtures.sha256(photos[0])), relativeTo: base)!.absoluteURL
                    #expect(try await HTTPClient.send("HEAD", named, token: token).status == 200, "the photo her novedad names is hers")
                }
            }
        }
    }
}
