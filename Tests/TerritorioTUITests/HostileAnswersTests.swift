import Foundation
import Synchronization
import Testing
import TerritorioModel
import TerritorioTestSupport

/// The client against a hostile server (`HostileServer`) whose radicado, problem and status note
/// carry terminal control sequences: nothing it sends reaches the terminal raw, and a receipt
/// with a radicado that is not `TER-AAAA-NNNNNN` does not make a novedad sent.
extension RealProcessTests {
    @Suite("Hostile server answers")
    struct HostileAnswersTests {
        /// Sets the window title, rings, clears the screen, a one-byte CSI, a bidi override.
        static let sequences = "\u{1B}]2;hackeado\u{07}\u{1B}[2J\u{9B}31m\u{202E}"

        /// What the server answers to each novedad's `PUT`, by id.
        enum Role {
            case badRadicado, problem, noted
        }

        @Test("control sequences in radicado, problem and note: no raw control byte in any output; the bad radicado is not sent")
        func controlSequencesNeverReachTheTerminal() throws {
            let cli = try CLI()
            let roles = Mutex<[String: Role]>([:])
            let server = try HostileServer { method, path in Self.answer(method, path, roles: roles.withLock { $0 }) }
            defer { server.stop() }
            let profile = try cli.run(["perfil", "--nombre", "Ana Gestora", "--entidad", "sdis", "--servidor", server.baseURL, "--token", "t"])
            try #require(profile.status == 0, "\(profile.stderr)")
            var ids: [Role: String] = [:]
            for (number, role) in [Role.badRadicado, .problem, .noted].enumerated() {
                let run = try cli.run(["novedad", "crear", "--tipo", "hueco", "--localidad", "kennedy", "--encolar", "--json",
                                       "--descripcion", "Hueco número \(number) frente al colegio, peligroso para los niños."])
                try #require(run.status == 0, "\(run.stderr)")
                guard case .string(let id)? = try JSONParser.parse(run.stdout)["id"] else { throw SyncServerProcess.Failure("sin id") }
                ids[role] = id
            }
            roles.withLock { table in for (role, id) in ids { table[id] = role } }

            var runs = [try cli.run(["sincronizar"]), try cli.run(["sincronizar", "--json"]),
                        try cli.run(["novedades"]), try cli.run(["novedades", "--json"])]
            for id in ids.values {
                runs += [try cli.run(["novedad", "ver", id]), try cli.run(["novedad", "ver", id, "--json"])]
            }
            for run in runs {
                let raw = (run.stdout + run.stderr).unicodeScalars.filter { TerminalText.isControl($0) && $0 != "\n" }
                #expect(raw.isEmpty, "\(raw.map { String(format: "U+%04X", $0.value) }) in \(run.stdout) \(run.stderr)")
            }
            #expect(runs[0].stdout.contains("␛]2;hackeado␇␛[2J‹U+009B›31m‹U+202E›"), "\(runs[0].stdout)")

            let state = { (role: Role) throws -> JSONValue in try JSONParser.parse(try cli.run(["novedad", "ver", ids[role]!, "--json"]).stdout) }
            let unsent = try state(.badRadicado)
            #expect(unsent["estado"] == .string("en_cola") && unsent["radicado"] == .null)
            #expect(try state(.problem)["estado"] == .string("rechazada"))
            let noted = try state(.noted)
            #expect(noted["estado"] == .string("enviada") && noted["radicado"] == .string("TER-2026-000123"))
            #expect(noted["nota_remota"] == .string("Cuadrilla asignada " + Self.sequences))
            let shown = try cli.run(["novedad", "ver", ids[.noted]!]).stdout
            #expect(shown.contains("En el servidor: en tramite · nota: Cuadrilla asignada ␛]2;hackeado␇␛[2J‹U+009B›31m‹U+202E›"), "\(shown)")
        }

        /// The hostile answers: a valid session, then per novedad a receipt whose radicado is a
        /// control sequence, a problem whose title is one, or a good receipt and a status note
        /// that is one; no catalogue changes.
        static func answer(_ method: String, _ path: String, roles: [String: Role]) -> HostileServer.Answer {
            let encoder = JSONEncoder()
            func json(_ value: some Encodable, status: Int = 200, type: String = "application/json") -> HostileServer.Answer {
                HostileServer.Answer(status: status, contentType: type, body: Array((try? encoder.encode(value)) ?? Data()))
            }
            switch (method, path) {
            case ("GET", WireProtocol.sessionPath):
                return json(SessionResponse(gestor: "Ana", limites: .init(bytes_por_adjunto: 1 << 24, adjuntos_por_novedad: 10),
                                            catalogo: .init(cursor: "0")))
            case ("GET", WireProtocol.statusChangesPath):
                let noted = roles.first { $0.value == .noted }?.key ?? ""
                return json(StatusChanges(cambios: [StatusChange(id: noted, radicado: "TER-2026-000123", estado: "en_tramite",
                                                                 nota: "Cuadrilla asignada " + sequences, cambiado_en: "2026-12-06T15:00:00Z")],
                                          cursor: "1"))
            case ("GET", WireProtocol.catalogueChangesPath):
                return HostileServer.Answer(status: 304)
            case ("PUT", _):
                let id = String(path.dropFirst(WireProtocol.novedadPath(id: "").count))
                switch roles[id] {
                case .badRadicado?:
                    return json(NovedadReceipt(id: id, radicado: "TER-2026-" + sequences, estado: "recibida", recibida_en: "2026-12-06T15:00:00Z"),
                                status: 201)
                case .problem?:
                    return json(Problem(type: ProblemType.invalidNovedad, title: "Datos inválidos " + sequences, status: 422,
                                        detail: "Revise " + sequences),
                                status: 422, type: "application/problem+json")
                case .noted?:
                    return json(NovedadReceipt(id: id, radicado: "TER-2026-000123", estado: "recibida", recibida_en: "2026-12-06T15:00:00Z"),
                                status: 201)
                case nil:
                    return HostileServer.Answer(status: 404)
                }
            default:
                return HostileServer.Answer(status: 404)
            }
        }
    }
}
