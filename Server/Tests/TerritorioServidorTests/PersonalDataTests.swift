import Foundation
import NIOCore
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore
import TerritorioTestSupport

extension ServidorReal {
    /// Ley 1581 de 2012 on the server: the titular's access and deletion, the retention purge,
    /// and logs without personal data — each through the real `territorio-servidor` executable
    /// against a real PostgreSQL and the test's object store.
    @Suite struct DatosPersonales {
        static func contact(_ name: String, _ phone: String) -> [String: Any] {
            ["nombre": name, "telefono": phone, "datos_sensibles": false, "datos_de_menor": false,
             "consentimiento": ["version_texto": "v1", "tomado_por": "Ana Pérez", "tomado_en": "2026-11-20T15:05:00Z"]]
        }

        /// PUTs a novedad with this contact (and photos, already uploaded) and returns its body and radicado.
        static func send(contact: [String: Any]?, photos: [Data] = [], to server: TestServer, token: String) async throws -> (id: String, body: Data, radicado: String) {
            let id = Fixtures.newID()
            let body = Fixtures.novedad(id: id, attachments: photos, changes: ["contacto": contact ?? NSNull()])
            let result = try await Novedades.put(body, id: id, to: server, token: token)
            #expect(result.status == 201, "\(String(decoding: result.body, as: UTF8.self))")
            return (id, body, try result.decode(NovedadReceipt.self).radicado)
        }

        static func command(_ arguments: [String], _ server: TestServer) async throws -> ServerProcess.Result {
            try await ServerProcess.run(arguments, databaseURL: server.databaseURL)
        }

        /// The whole database as `pg_dump` writes it (bytea columns in hex).
        static func dump(_ databaseURL: String) throws -> Data {
            let bin = ProcessInfo.processInfo.environment["POSTGRES_BIN"] ?? "/usr/lib/postgresql/15/bin"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: bin + "/pg_dump")
            process.arguments = ["--dbname=" + databaseURL]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return data
        }

        /// Whether `haystack` holds `text` as it is or in the hex PostgreSQL writes bytea in.
        static func holds(_ haystack: Data, _ text: String) -> Bool {
            let hex = text.utf8.map { String(format: "%02x", $0) }.joined()
            return haystack.range(of: Data(text.utf8)) != nil || haystack.range(of: Data(hex.utf8)) != nil
        }

        @Test func titularConsultarFindsAPersonAcrossTwoNovedadesIgnoringCaseAndAccents() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let first = try await Self.send(contact: Self.contact("María Pérez Gómez", "300 123 4567"), to: server, token: token)
                let second = try await Self.send(contact: Self.contact("MARIA PEREZ", "+57 300 123-4567"), to: server, token: token)
                _ = try await Self.send(contact: Self.contact("Mariana Pérez", "310 000 0000"), to: server, token: token)
                _ = try await Self.send(contact: nil, to: server, token: token)

                let byName = try await Self.command(["titular", "consultar", "--nombre", "maria  PÉREZ", "--json"], server)
                #expect(byName.status == 0, "\(byName.error)")
                let found = try JSONSerialization.jsonObject(with: Data(byName.output.utf8)) as? [[String: Any]]
                #expect(found?.compactMap { $0["radicado"] as? String } == [first.radicado, second.radicado], "\(byName.output)")
                let contact = try #require(found?.first?["contacto"] as? [String: Any])
                #expect(contact["nombre"] as? String == "María Pérez Gómez")
                #expect(contact["telefono"] as? String == "300 123 4567")
                #expect((contact["consentimiento"] as? [String: Any])?["version_texto"] as? String == "v1")

                let byPhone = try await Self.command(["titular", "consultar", "--telefono", "3001234567"], server)
                #expect(byPhone.status == 0, "\(byPhone.error)")
                #expect(byPhone.output.contains(first.radicado) && byPhone.output.contains(second.radicado), "\(byPhone.output)")
                #expect(!byPhone.output.contains("Mariana"))
                #expect(byPhone.output.hasSuffix("2 novedades.\n"), "\(byPhone.output)")

                let nobody = try await Self.command(["titular", "consultar", "--nombre", "Pedro", "--json"], server)
                #expect(nobody.output == "[\n\n]\n" || nobody.output == "[]\n", "\(nobody.output)")
                let both = try await Self.command(["titular", "consultar", "--nombre", "María", "--telefono", "3001234567"], server)
                #expect(both.status == 2)
                let short = try await Self.command(["titular", "consultar", "--telefono", "12-34"], server)
                #expect(short.status == 2)
                #expect(short.error.contains("al menos 7 dígitos"))
            }
        }

        @Test func titularConsultarJSONEscapesControlCharactersAsTheClientWritesThem() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let name = "Ana\u{1B}]0;x\u{07} Ruiz\u{7F}\u{9B}2J\u{202E}"
                let sent = try await Self.send(contact: Self.contact(name, "300 555 1212"), to: server, token: token)

                let found = try await Self.command(["titular", "consultar", "--telefono", "3005551212", "--json"], server)
                #expect(found.status == 0, "\(found.error)")
                #expect(!found.output.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(found.output)")
                #expect(found.output.contains(#""nombre": "Ana\u001b]0;x\u0007 Ruiz\u007f\u009b2J\u202e""#), "\(found.output)")
                let listing = try JSONParser.parse(found.output)
                #expect(listing.arrayValue?.first?["radicado"]?.stringValue == sent.radicado)
                #expect(listing.arrayValue?.first?["contacto"]?["nombre"]?.stringValue == name)
            }
        }

        @Test func titularSuprimirLeavesNoByteInADumpAndTheResendKeepsItsRadicado() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let name = "Rosalba Quintero Ñáñez", phone = "3157778899"
                let sent = try await Self.send(contact: Self.contact(name, phone), to: server, token: token)
                let other = try await Self.send(contact: Self.contact("Luis Torres", "3209990000"), to: server, token: token)
                #expect(Self.holds(try Self.dump(server.databaseURL), name), "the dump holds the body before")

                let named = try await Self.command(["titular", "suprimir", "--radicado", sent.radicado, "--motivo", "pedido de la señora QUINTERO"], server)
                #expect(named.status == 1)
                #expect(named.error.contains("no puede llevar el nombre ni el teléfono"), "\(named.error)")
                let unknown = try await Self.command(["titular", "suprimir", "--radicado", "TER-2026-999999"], server)
                #expect(unknown.status == 1)
                #expect(unknown.error == "No hay una novedad con radicado «TER-2026-999999».\n", "the message alone: \(unknown.error)")

                let done = try await Self.command(["titular", "suprimir", "--radicado", sent.radicado, "--motivo", "Solicitud escrita 2026-12-06"], server)
                #expect(done.status == 0, "\(done.error)")
                #expect(done.output.contains("datos de contacto suprimidos"), "\(done.output)")

                let dump = try Self.dump(server.databaseURL)
                for text in [name, "Rosalba", "Quintero", phone] {
                    #expect(!Self.holds(dump, text), "the dump still holds «\(text)»")
                }
                #expect(Self.holds(dump, "Luis Torres"), "another novedad keeps its contact")
                #expect(Self.holds(dump, "Vecina reporta gritos"), "the rest of the novedad stays")

                let audit = try await server.database.client.query("""
                    SELECT n.radicado, r.causa, r.usuario, r.motivo, r.habia_contacto FROM retiros_datos r JOIN novedades n ON n.id = r.novedad_id
                    """, logger: server.database.logger)
                var rows: [(String, String, String, String?, Bool)] = []
                for try await row in audit.decode((String, String, String, String?, Bool).self) { rows.append(row) }
                #expect(rows.count == 1)
                #expect(rows.first?.0 == sent.radicado && rows.first?.1 == "solicitud" && rows.first?.4 == true)
                #expect(rows.first?.2 == OperatingSystemUser.name)
                #expect(rows.first?.3 == "Solicitud escrita 2026-12-06")

                let resent = try await Novedades.put(sent.body, id: sent.id, to: server, token: token)
                #expect(resent.status == 200, "\(String(decoding: resent.body, as: UTF8.self))")
                #expect(try resent.decode(NovedadReceipt.self).radicado == sent.radicado)
                let changed = Fixtures.novedad(id: sent.id, changes: ["contacto": NSNull()])
                #expect(try await Novedades.put(changed, id: sent.id, to: server, token: token).status == 409, "other bytes are still a conflict")
                let found = try await Self.command(["titular", "consultar", "--telefono", phone], server)
                #expect(found.output.hasPrefix("Ninguna novedad"), "\(found.output)")
                _ = other
            }
        }

        @Test func theSchemaStepDigestsStoredBodiesWithTheSecretSoTheirResendIsRecognised() async throws {
            let (databaseURL, database) = try await TestDatabase.createAndOpen()
            let token = String(repeating: "f", count: 48)
            let id = Fixtures.newID()
            let body = Fixtures.novedad(id: id, changes: ["contacto": Self.contact("Rosalba Quintero", "3157778899")])
            try await database.run { database in
                try await Schema.migrate(database, secret: TestSecret.secret, through: 7)
                try await database.client.query("""
                    WITH g AS (INSERT INTO gestores (nombre, identificador) VALUES ('Ana', 'ana') RETURNING id),
                         t AS (INSERT INTO tokens (sha256, gestor_id) SELECT \(TokenStore.hash(token)), id FROM g RETURNING id, gestor_id)
                    INSERT INTO novedades (id, radicado, gestor_id, token_id, cuerpo, cuerpo_sha256)
                    SELECT \(id)::uuid, 'TER-2026-000007', gestor_id, id, \(ByteBuffer(bytes: body)), \(Fixtures.sha256(body)) FROM t
                    """, logger: database.logger)
                try await database.client.query("""
                    INSERT INTO estados (seq, novedad_id, estado, gestor_id) SELECT 1, id, 'recibida', gestor_id FROM novedades
                    """, logger: database.logger)
            }
            let status = try await ServerProcess.serving(databaseURL: databaseURL) { url in
                let resent = try await HTTPClient.send("PUT", url.appendingPathComponent(WireProtocol.novedadPath(id: id)), token: token, body: body,
                                                       headers: ["Content-Type": "application/json"])
                #expect(resent.status == 200, "\(String(decoding: resent.body, as: UTF8.self))")
                #expect(try resent.decode(NovedadReceipt.self).radicado == "TER-2026-000007")
            }
            #expect(status == 0)
            let refused = try await ServerProcess.run(["novedad", "listar"], databaseURL: databaseURL,
                                                      extra: [DigestSecret.fileVariable: try Fixtures.temporaryFile(Data(String(repeating: "otro", count: 10).utf8))])
            #expect(refused.status == 1)
            #expect(refused.error.contains("no es el que usa esta base de datos"), "\(refused.error)")
            let short = try await ServerProcess.run(["novedad", "listar"], databaseURL: databaseURL,
                                                    extra: [DigestSecret.fileVariable: try Fixtures.temporaryFile(Data("corto".utf8))])
            #expect(short.status == 1)
            #expect(short.error.contains("al menos 32 caracteres"), "\(short.error)")
            let missing = try await ServerProcess.run(["novedad", "listar"], databaseURL: databaseURL,
                                                      extra: [DigestSecret.fileVariable: "/nonexistent/secreto"])
            #expect(missing.status == 1)
            #expect(missing.error.contains("No existe el archivo del secreto"), "\(missing.error)")
        }

        @Test func servirDoesNotStartWhileAPhotoStillWaitsInPostgreSQL() async throws {
            let (databaseURL, database) = try await TestDatabase.createAndOpen()
            let photo = Fixtures.photo("antigua")
            try await database.run { database in
                try await Schema.migrate(database, secret: TestSecret.secret, through: 2)
                try await database.client.query("""
                    INSERT INTO adjuntos (sha256, contenido, bytes) VALUES (\(Fixtures.sha256(photo)), \(ByteBuffer(bytes: photo)), \(Int64(photo.count)))
                    """, logger: database.logger)
            }
            let refused = try await ServerProcess.run(["servir", "--puerto", "0"], databaseURL: databaseURL)
            #expect(refused.status == 1)
            #expect(refused.error.contains("ejecute antes «territorio-servidor migrar-adjuntos»"), "\(refused.error)")
        }

        @Test func withoutASecretFileASingleBoxMakesOneAndKeepsIt() async throws {
            let databaseURL = try await TestDatabase.create()
            let state = try TemporaryFolder()
            let box = [DigestSecret.fileVariable: "", "STATE_DIRECTORY": state.path]
            let first = try await ServerProcess.run(["novedad", "listar"], databaseURL: databaseURL, extra: box)
            #expect(first.status == 0, "\(first.error)")
            let made = try String(contentsOfFile: state.path + "/secreto", encoding: .utf8)
            #expect(made.wholeMatch(of: /[0-9a-f]{64}\n/) != nil, "\(made)")
            let attributes = try FileManager.default.attributesOfItem(atPath: state.path + "/secreto")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let second = try await ServerProcess.run(["novedad", "listar"], databaseURL: databaseURL, extra: box)
            #expect(second.status == 0, "the same box reads the same secret: \(second.error)")
            #expect(try String(contentsOfFile: state.path + "/secreto", encoding: .utf8) == made)
        }

        @Test func titularSuprimirWithFotosTakesTheNovedadsPhotosAndKeepsThoseAnotherNovedadNames() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photos = (1...2).map { Fixtures.photo("titular-\($0)") }
                for photo in photos { try await Novedades.upload(photo, to: server, token: token) }
                let asked = try await Self.send(contact: Self.contact("Rosalba Quintero", "3157778899"), photos: photos, to: server, token: token)
                _ = try await Self.send(contact: nil, photos: [photos[1]], to: server, token: token)
                var objects: [String] = []
                for photo in photos { objects.append(try #require(try await AttachmentStore(database: server.database).object(of: Fixtures.sha256(photo)))) }

                let contactOnly = try await Self.command(["titular", "suprimir", "--radicado", asked.radicado], server)
                #expect(contactOnly.status == 0, "\(contactOnly.error)")
                #expect(try await server.objects.size(of: objects[0]) != nil, "without --fotos the photos stay")

                let done = try await Self.command(["titular", "suprimir", "--radicado", asked.radicado, "--fotos", "--motivo", "Las fotos la muestran"], server)
                #expect(done.status == 0, "\(done.error)")
                #expect(done.output.contains("Fotos retiradas de la novedad: 2; objetos borrados del almacén: 1."), "\(done.output)")
                #expect(try await server.objects.size(of: objects[0]) == nil, "the photo only this novedad named left the store")
                #expect(try await server.objects.size(of: objects[1]) != nil, "the other novedad keeps the photo it names")

                let audit = try await server.database.client.query("SELECT fotos FROM retiros_datos ORDER BY id", logger: server.database.logger)
                var counts: [Int32] = []
                for try await count in audit.decode(Int32.self) { counts.append(count) }
                #expect(counts == [0, 2])
                let resent = try await Novedades.put(asked.body, id: asked.id, to: server, token: token)
                #expect(resent.status == 200)
                #expect(try resent.decode(NovedadReceipt.self).radicado == asked.radicado)
            }
        }

        @Test func purgarRemovesContactDataAndPhotosOfClosedNovedadesFromTheStore() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photos = (1...3).map { Fixtures.photo("purga-\($0)") }
                for photo in photos { try await Novedades.upload(photo, to: server, token: token) }
                let closed = try await Self.send(contact: Self.contact("Rosalba Quintero", "3157778899"), photos: [photos[0], photos[1]], to: server, token: token)
                let open = try await Self.send(contact: Self.contact("Luis Torres", "3209990000"), photos: [photos[2]], to: server, token: token)
                try await server.novedades.setStatus(radicado: closed.radicado, estado: "cerrada", nota: nil)
                var objects: [String] = []
                for photo in photos { objects.append(try #require(try await AttachmentStore(database: server.database).object(of: Fixtures.sha256(photo)))) }
                #expect(try await server.objects.size(of: objects[0]) != nil)

                let bad = try await Self.command(["purgar", "--dias", "-1"], server)
                #expect(bad.status == 2)
                let badSetting = try await ServerProcess.run(["purgar"], databaseURL: server.databaseURL, extra: [RetentionSettings.closedVariable: "seis meses"])
                #expect(badSetting.status == 1)
                #expect(badSetting.error.contains("TERRITORIO_CONSERVAR_DIAS debe ser un número entero de días"), "\(badSetting.error)")

                let purged = try await Self.command(["purgar", "--dias", "0"], server)
                #expect(purged.status == 0, "\(purged.error)")
                #expect(purged.output.contains("Novedades purgadas (datos de contacto y fotos): 1. Fotos retiradas: 2."), "\(purged.output)")
                #expect(try await server.objects.size(of: objects[0]) == nil, "the photo left the store")
                #expect(try await server.objects.size(of: objects[1]) == nil)
                #expect(try await server.objects.size(of: objects[2]) != nil, "the open novedad keeps its photo")
                let dump = try Self.dump(server.databaseURL)
                #expect(!Self.holds(dump, "Rosalba"))
                #expect(Self.holds(dump, "Luis Torres"))

                let resent = try await Novedades.put(closed.body, id: closed.id, to: server, token: token)
                #expect(resent.status == 200)
                #expect(try resent.decode(NovedadReceipt.self).radicado == closed.radicado)

                let again = try await Self.command(["purgar", "--dias", "0", "--dias-abiertas", "0"], server)
                #expect(again.output.contains("Novedades purgadas (datos de contacto y fotos): 1. Fotos retiradas: 1."), "\(again.output)")
                #expect(try await server.objects.size(of: objects[2]) == nil, "a novedad never closed is kept no longer than its own limit")
                #expect(!Self.holds(try Self.dump(server.databaseURL), "Luis Torres"))

                let audit = try await server.database.client.query("""
                    SELECT n.radicado, r.causa, r.fotos, r.habia_contacto FROM retiros_datos r JOIN novedades n ON n.id = r.novedad_id ORDER BY r.id
                    """, logger: server.database.logger)
                var rows: [(String, String, Int32, Bool)] = []
                for try await row in audit.decode((String, String, Int32, Bool).self) { rows.append(row) }
                #expect(rows.map(\.0) == [closed.radicado, open.radicado])
                #expect(rows.allSatisfy { $0.1 == "plazo" && $0.3 })
                #expect(rows.map(\.2) == [2, 1])
            }
        }

        @Test func theServersLogHoldsNoContactDataNorTokens() async throws {
            let databaseURL = try await TestDatabase.create()
            let created = try await ServerProcess.run(["token", "crear", "--gestor", "ana", "--nombre", "Ana"], databaseURL: databaseURL)
            #expect(created.status == 0, "\(created.error)")
            let token = created.output.trimmingCharacters(in: .newlines)
            let wrongToken = "token-equivocado-" + String(repeating: "9", count: 31)
            let name = "Rosalba Quintero Ñáñez", phone = "3157778899"
            let log = NSTemporaryDirectory() + "territorio-registro-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: log) }
            let (process, url) = try await ServerProcess.start(databaseURL: databaseURL, log: log)
            defer { if process.isRunning { process.terminate() } }
            let put = { (id: String) async throws -> HTTPResult in
                try await HTTPClient.send("PUT", url.appendingPathComponent(WireProtocol.novedadPath(id: id)), token: token,
                                          body: Fixtures.novedad(id: id, changes: ["contacto": Self.contact(name, phone)]),
                                          headers: ["Content-Type": "application/json"])
            }
            #expect(try await put(Fixtures.newID()).status == 201)
            let refused = try await HTTPClient.send("GET", url.appendingPathComponent(WireProtocol.sessionPath), token: wrongToken)
            #expect(refused.status == 401)
            #expect(!String(decoding: refused.body, as: UTF8.self).contains(wrongToken))
            // A real failure in the database: a constraint that cannot be evaluated on a new
            // novedad, whose error quotes the value it choked on — the whole body.
            let database = Database(configuration: try DatabaseURL.configuration(from: databaseURL), logger: TestDatabase.quietLogger)
            _ = try await database.run { database in
                try await database.client.query("""
                    ALTER TABLE novedades ADD CONSTRAINT prueba_falla CHECK (convert_from(cuerpo, 'UTF8')::integer > 0) NOT VALID
                    """, logger: database.logger)
            }
            let failed = try await put(Fixtures.newID())
            #expect(failed.status == 503)
            #expect(!String(decoding: failed.body, as: UTF8.self).contains("Rosalba"))
            process.terminate()
            process.waitUntilExit()

            let written = try Data(contentsOf: URL(fileURLWithPath: log))
            #expect(String(decoding: written, as: UTF8.self).contains("Error al atender PUT"), "the failure was logged")
            #expect(String(decoding: written, as: UTF8.self).contains("SQLSTATE 22P02"), "with what an operator needs")
            for secret in [name, "Rosalba", phone, token, wrongToken] {
                #expect(!Self.holds(written, secret), "the log holds «\(secret)»")
            }
        }
    }
}
