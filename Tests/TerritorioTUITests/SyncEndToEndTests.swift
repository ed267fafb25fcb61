import Foundation
import Testing
import TerritorioModel
import TerritorioTestSupport

/// The client binary against the real reference server and a real PostgreSQL, over loopback.
extension RealProcessTests {
    @Suite("Sync end to end")
    struct SyncEndToEndTests {
        let cli: CLI
        let server: SyncServerProcess

        init() throws {
            cli = try CLI()
            server = try SyncServerProcess()
        }

        private func json(_ run: Run) throws -> JSONValue { try JSONParser.parse(run.stdout) }

        private func string(_ value: JSONValue?) -> String? {
            if case .string(let text)? = value { text } else { nil }
        }

        /// A profile with this server and a fresh token for "Ana".
        private func configure() throws {
            let token = try server.admin(["token", "crear", "--gestor", "Ana"])
            try #require(token.status == 0, "\(token.stderr)")
            let profile = try cli.run(["perfil", "--nombre", "Ana Gestora", "--entidad", "sdis",
                                       "--servidor", server.baseURL, "--token", token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
            try #require(profile.status == 0, "\(profile.stderr)")
        }

        /// Queues a novedad with two photos; returns its id.
        private func queueNovedad(_ number: Int) throws -> String {
            var arguments = ["novedad", "crear", "--tipo", "hueco", "--localidad", "kennedy", "--encolar", "--json",
                             "--descripcion", "Hueco número \(number) frente al colegio, peligroso para los niños."]
            for photo in 0..<2 {
                let path = cli.folder.path + "/foto-\(number)-\(photo).png"
                try Data(PNGBuilder.bytes(width: 3 + number, height: 2 + photo)).write(to: URL(fileURLWithPath: path))
                arguments += ["--adjunto", path]
            }
            let run = try cli.run(arguments)
            try #require(run.status == 0, "\(run.stderr)")
            return try #require(string(try json(run)["id"]))
        }

        @Test("the interface syncs in the background: the queued novedad goes, the header and the Enviadas tab show it")
        func backgroundSyncInTheInterface() throws {
            try configure()
            let id = try queueNovedad(1)
            let session = try TmuxSession(dataDirectory: cli.dataDirectory)
            defer { session.stop() }
            try session.waitFor("sincronizado ", "Sincronización: 1 enviada.", "cola 0")
            try session.press("n", waitingFor: "Enviadas (1)")
            try session.press("Tab", "Tab")
            try session.waitFor("Radicado: TER-")
            try session.press("s", waitingFor: "Sincronizando ahora.")
            try session.waitUntil("the second run to end") { !$0.contains("Sincronizando ahora.") && $0.contains("sincronizado ") }
            try session.quit()
            let local = try json(try cli.run(["novedad", "ver", id, "--json"]))
            #expect(string(local["estado"]) == "enviada")
            let listing = try JSONParser.parse(try server.admin(["novedad", "listar", "--json"]).stdout)
            guard case .array(let rows) = listing else {
                Issue.record("server listing is not an array")
                return
            }
            #expect(rows.filter { string($0["id"]) == id }.count == 1)
        }

        @Test("queued novedades reach the server exactly once, with their photos, and statuses come back")
        func pushAndStatuses() throws {
            try configure()
            let ids = try (1...3).map(queueNovedad)
            let first = try cli.run(["sincronizar", "--json"])
            #expect(first.status == 0, "\(first.stderr)")
            guard case .array(let sent)? = try json(first)["enviadas"] else {
                Issue.record("no enviadas in \(first.stdout)")
                return
            }
            #expect(sent.count == 3)

            let listing = try server.admin(["novedad", "listar", "--json"])
            guard case .array(let rows) = try JSONParser.parse(listing.stdout) else {
                Issue.record("server listing is not an array: \(listing.stdout)")
                return
            }
            #expect(rows.count == 3)
            for id in ids {
                let local = try json(try cli.run(["novedad", "ver", id, "--json"]))
                let radicado = try #require(string(local["radicado"]))
                #expect(radicado.range(of: #"^TER-\d{4}-\d{6}$"#, options: .regularExpression) != nil)
                #expect(string(local["estado"]) == "enviada")
                let remote = rows.filter { string($0["id"]) == id }
                #expect(remote.count == 1, "exactly one row for \(id)")
                #expect(string(remote.first?["radicado"]) == radicado)
                guard case .array(let localAttachments)? = local["adjuntos"], case .array(let remoteHashes)? = remote.first?["adjuntos"] else {
                    Issue.record("attachments missing")
                    continue
                }
                #expect(Set(localAttachments.compactMap { string($0["sha256"]) }) == Set(remoteHashes.compactMap(string)))
            }

            let second = try cli.run(["sincronizar", "--json"])
            #expect(second.status == 0)
            #expect(try json(second)["enviadas"] == .array([]), "nothing is sent twice")
            #expect(try JSONParser.parse(try server.admin(["novedad", "listar", "--json"]).stdout) == .array(rows))

            let radicado = try #require(string(try json(try cli.run(["novedad", "ver", ids[0], "--json"]))["radicado"]))
            #expect(try server.admin(["novedad", "estado", radicado, "en_tramite", "--nota", "Cuadrilla asignada"]).status == 0)
            #expect(try cli.run(["sincronizar"]).status == 0)
            #expect(string(try json(try cli.run(["novedad", "ver", ids[0], "--json"]))["estado_remoto"]) == "en_tramite")
        }

        @Test("a published catalogue's edits and deletions arrive; with nothing published the local one stays")
        func cataloguePull() throws {
            try configure()
            let before = try cli.run(["catalogo", "listar", "--json"]).stdout
            #expect(try cli.run(["sincronizar"]).status == 0)
            #expect(try cli.run(["catalogo", "listar", "--json"]).stdout == before, "nothing published: nothing changes")

            let samplePath = CLI.binFolder + "/Territorio_TerritorioResources.resources/catalogo-muestra.json"
            let sample = try String(contentsOfFile: samplePath, encoding: .utf8)
            let published = cli.folder.path + "/v1.json"
            try sample.replacingOccurrences(of: "\"version\": \"2026.12-muestra\"", with: "\"version\": \"2026.12-a\"")
                .write(toFile: published, atomically: true, encoding: .utf8)
            #expect(try server.admin(["catalogo", "publicar", published]).status == 0)
            #expect(try cli.run(["sincronizar"]).status == 0)
            #expect(try cli.run(["catalogo", "listar"]).stderr.isEmpty == false)

            // v2: one route's summary gains a new word, another route disappears.
            var document = try JSONParser.parse(try String(contentsOfFile: published, encoding: .utf8))
            document = edited(document)
            let second = cli.folder.path + "/v2.json"
            try JSONWriter.string(document).write(toFile: second, atomically: true, encoding: .utf8)
            #expect(try server.admin(["catalogo", "publicar", second]).status == 0)
            let run = try cli.run(["sincronizar", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(string(try json(run)["catalogo_version"]) == "2026.12-b")
            let search = try json(try cli.run(["catalogo", "buscar", "zanahoriazul", "--json"]))
            guard case .array(let results)? = search["resultados"] else { return }
            #expect(results.first?["id"] == .string("hueco-malla-vial"))
            #expect(try cli.run(["catalogo", "ver", "linea-calma-hombres"]).status == 1, "the deleted route is gone")
            #expect(try cli.run(["catalogo", "ver", "hueco-malla-vial"]).stdout.contains("Fuentes:\n  • [s41] "),
                    "the sources travel with the published catalogue")
        }

        @Test("a revoked token stops the run with the instruction, and nothing queued is lost")
        func revokedToken() throws {
            try configure()
            let id = try queueNovedad(9)
            #expect(try server.admin(["token", "revocar", "--gestor", "ana"]).status == 0)
            let run = try cli.run(["sincronizar"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("Pida un token nuevo a su coordinador"))
            #expect(string(try json(try cli.run(["novedad", "ver", id, "--json"]))["estado"]) == "en_cola")
        }

        @Test("an empty queue against a closed port fails with a Spanish message")
        func closedPort() throws {
            server.stop()
            try configure()
            let run = try cli.run(["sincronizar"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("Sin conexión con el servidor"))
        }

        /// Version 2026.12-b of the catalogue: `hueco-malla-vial` mentions «zanahoriazul»,
        /// `linea-calma-hombres` is deleted.
        private func edited(_ document: JSONValue) -> JSONValue {
            guard case .object(var members) = document else { return document }
            for index in members.indices {
                switch members[index].key {
                case "version": members[index].value = .string("2026.12-b")
                case "rutas":
                    guard case .array(let routes) = members[index].value else { continue }
                    members[index].value = .array(routes.compactMap { route -> JSONValue? in
                        guard case .object(var fields) = route, case .string(let id)? = route["id"] else { return route }
                        if id == "linea-calma-hombres" { return nil }
                        if id == "hueco-malla-vial", let summary = fields.firstIndex(where: { $0.key == "resumen" }),
                           case .string(let text) = fields[summary].value {
                            fields[summary].value = .string(text + " Palabra de prueba: zanahoriazul.")
                        }
                        return .object(fields)
                    })
                default: continue
                }
            }
            return .object(members)
        }
    }
}
