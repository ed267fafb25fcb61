import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The `territorio-servidor` executable, run as a coordinator would.
    @Suite struct LineaDeOrdenes {
        @Test func servirAnnouncesItsAddressAndTokenCrearPrintsOnlyTheToken() async throws {
            let databaseURL = try await TestDatabase.create()
            let created = try await ServerProcess.run(["token", "crear", "--gestor", "Ana Pérez"], databaseURL: databaseURL)
            #expect(created.status == 0, "\(created.error)")
            let token = created.output.trimmingCharacters(in: .newlines)
            #expect(created.output == token + "\n")
            #expect(token.wholeMatch(of: /[0-9a-f]{48}/) != nil)

            let status = try await ServerProcess.serving(databaseURL: databaseURL) { url in
                #expect(url.host == "127.0.0.1")
                let session = try await HTTPClient.send("GET", url.appendingPathComponent(WireProtocol.sessionPath), token: token)
                #expect(session.status == 200)
                #expect(try session.decode(SessionResponse.self).gestor == "Ana Pérez")

                let revoked = try await ServerProcess.run(["token", "revocar", "--gestor", "ana-perez"], databaseURL: databaseURL)
                #expect(revoked.status == 0, "\(revoked.error)")
                let refused = try await HTTPClient.send("GET", url.appendingPathComponent(WireProtocol.sessionPath), token: token)
                #expect(refused.status == 401)
            }
            #expect(status == 0)
        }

        @Test func tokenListarShowsEachDeviceAndTokenRevocarTakesOneOrAll() async throws {
            let databaseURL = try await TestDatabase.create()
            let created = try await ServerProcess.run(["token", "crear", "--gestor", "maria-gomez", "--nombre", "María Gómez"], databaseURL: databaseURL)
            #expect(created.status == 0, "\(created.error)")
            #expect(created.error.contains("Gestor nuevo maria-gomez («María Gómez»); token 1."))
            let device = try await ServerProcess.run(["token", "crear", "--gestor", "maria-gomez"], databaseURL: databaseURL)
            #expect(device.error.contains("Otro dispositivo del gestor maria-gomez («María Gómez»); token 2."))
            let namesake = try await ServerProcess.run(["token", "crear", "--gestor", "María Gómez"], databaseURL: databaseURL)
            #expect(namesake.error.contains("Gestor nuevo maria-gomez-2 («María Gómez»); token 3."))
            let clash = try await ServerProcess.run(["token", "crear", "--gestor", "María Gómez", "--nombre", "María Gómez"], databaseURL: databaseURL)
            #expect(clash.status == 1)
            #expect(clash.error.contains("no sirve como identificador"))

            let listed = try await ServerProcess.run(["token", "listar", "--gestor", "maria-gomez"], databaseURL: databaseURL)
            let lines = listed.output.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.contains("maria-gomez  «María Gómez»") && $0.hasSuffix("activo") }, "\(listed.output)")

            let one = try await ServerProcess.run(["token", "revocar", "--token-id", "1"], databaseURL: databaseURL)
            #expect(one.output == "Token 1 revocado.\n")
            let all = try await ServerProcess.run(["token", "listar"], databaseURL: databaseURL)
            #expect(all.output.split(separator: "\n").map { $0.contains("revocado") } == [true, false, false], "\(all.output)")
            let rest = try await ServerProcess.run(["token", "revocar", "--gestor", "maria-gomez"], databaseURL: databaseURL)
            #expect(rest.output == "Tokens revocados del gestor «maria-gomez»: 1.\n")
            let untouched = try await ServerProcess.run(["token", "listar", "--gestor", "maria-gomez-2"], databaseURL: databaseURL)
            #expect(untouched.output.hasSuffix("activo\n"), "\(untouched.output)")
        }

        @Test func tokenCommandsEchoAGestorWithControlCharactersMadeVisible() async throws {
            let databaseURL = try await TestDatabase.create()
            let hostile = "ana\u{1B}[2J"
            let created = try await ServerProcess.run(["token", "crear", "--gestor", hostile, "--nombre", "Ana"], databaseURL: databaseURL)
            #expect(created.status == 1)
            #expect(created.error.contains("no sirve como identificador"), "\(created.error)")
            let revoked = try await ServerProcess.run(["token", "revocar", "--gestor", hostile], databaseURL: databaseURL)
            #expect(revoked.status == 1)
            for answer in [created.error, revoked.output, revoked.error] {
                #expect(!answer.unicodeScalars.contains("\u{1B}"), "\(answer.debugDescription)")
            }
        }

        @Test func tokenRevocarForAnUnknownGestorFails() async throws {
            let databaseURL = try await TestDatabase.create()
            let result = try await ServerProcess.run(["token", "revocar", "--gestor", "nadie"], databaseURL: databaseURL)
            #expect(result.status == 1)
            #expect(result.error.contains("No hay un gestor «nadie»"))
        }

        @Test func catalogoPublicarRefusesWhatIsNotACatalogueAndPublishesWhatIs() async throws {
            let databaseURL = try await TestDatabase.create()
            var sample = try Fixtures.sampleCatalogue()
            var duplicated = sample
            duplicated["rutas"] = Fixtures.routes(of: sample) + [Fixtures.routes(of: sample)[0]]
            var wrongFormat = sample
            wrongFormat["formato"] = "territorio-catalogo/3"
            var noReferences = sample
            noReferences["referencias"] = nil
            let refusals: [(Data, String)] = [
                (Data("no es json".utf8), "no es un objeto JSON"),
                (try Fixtures.json(wrongFormat), "formato"),
                (try Fixtures.json(noReferences), "referencias"),
                (try Fixtures.json(duplicated), "está repetido"),
            ]
            for (data, message) in refusals {
                let result = try await ServerProcess.run(["catalogo", "publicar", try Fixtures.temporaryFile(data)], databaseURL: databaseURL)
                #expect(result.status == 1, "\(message)")
                #expect(result.error.contains(message), "\(result.error)")
                #expect(result.output.isEmpty)
            }
            let missing = try await ServerProcess.run(["catalogo", "publicar", "/no/existe.json"], databaseURL: databaseURL)
            #expect(missing.status == 1)

            sample["version"] = "2026.11-prueba"
            let published = try await ServerProcess.run(["catalogo", "publicar", try Fixtures.temporaryFile(try Fixtures.json(sample))],
                                                         databaseURL: databaseURL)
            #expect(published.status == 0, "\(published.error)")
            #expect(published.output.contains("publicado como versión 1"))
        }

        @Test func novedadListarAndNovedadEstadoShowAndChangeWhatArrived() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("listar")
                try await Novedades.upload(photo, to: server, token: token)
                let id = Fixtures.newID()
                let receipt = try await Novedades.put(Fixtures.novedad(id: id, attachments: [photo]), id: id, to: server, token: token)
                    .decode(NovedadReceipt.self)

                let changed = try await ServerProcess.run(["novedad", "estado", receipt.radicado, "atendida", "--nota", "Visita hecha"],
                                                          databaseURL: server.databaseURL)
                #expect(changed.status == 0, "\(changed.error)")

                let listed = try await ServerProcess.run(["novedad", "listar", "--json"], databaseURL: server.databaseURL)
                #expect(listed.status == 0, "\(listed.error)")
                let novedades = try JSONDecoder().decode([AcceptedNovedad].self, from: Data(listed.output.utf8))
                #expect(novedades == [AcceptedNovedad(radicado: receipt.radicado, id: id, estado: "atendida", gestor: "Ana",
                                                      recibida_en: receipt.recibida_en, adjuntos: [Fixtures.sha256(photo)])])

                let text = try await ServerProcess.run(["novedad", "listar"], databaseURL: server.databaseURL)
                #expect(text.output.contains(receipt.radicado))

                let statuses = try await HTTPClient.send("GET", server.url(WireProtocol.statusChangesPath + "?desde=0"), token: token)
                    .decode(StatusChanges.self)
                #expect(statuses.cambios.map(\.estado) == ["recibida", "atendida"])
                #expect(statuses.cambios.last?.nota == "Visita hecha")

                let unknown = try await ServerProcess.run(["novedad", "estado", "TER-2026-999999", "cerrada"], databaseURL: server.databaseURL)
                #expect(unknown.status == 1)
                #expect(unknown.error.contains("TER-2026-999999"))
                let badState = try await ServerProcess.run(["novedad", "estado", receipt.radicado, "resuelta"], databaseURL: server.databaseURL)
                #expect(badState.status == 1)
                #expect(badState.error.contains("en_tramite"))
            }
        }

        @Test func usageErrorsExit2AndAMissingDatabaseExits1() async throws {
            for arguments in [["volar"], ["token", "crear"], ["novedad", "estado", "TER-2026-000001"], ["servir", "--puerto", "dos"],
                              ["novedad", "listar", "--xml"], ["token", "revocar"], ["token", "revocar", "--gestor", "ana", "--token-id", "1"],
                              ["token", "revocar", "--token-id", "uno"], ["token", "listar", "ana"], ["token", "borrar"]] {
                let result = try await ServerProcess.run(arguments, databaseURL: nil)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.error.contains("Uso: territorio-servidor"), "\(arguments)")
            }
            let noDatabase = try await ServerProcess.run(["novedad", "listar"], databaseURL: nil)
            #expect(noDatabase.status == 1)
            #expect(noDatabase.error.contains("Falta TERRITORIO_DB_URL"))
        }

        @Test func anUnreachableDatabaseFailsWithinTheDeadline() async throws {
            let started = ContinuousClock.now
            let result = try await ServerProcess.run(["novedad", "listar"], databaseURL: "postgres://territorio@127.0.0.1:1/territorio")
            #expect(result.status == 1)
            #expect(result.error.contains("No se pudo conectar con PostgreSQL en 127.0.0.1:1/territorio"))
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }
}
