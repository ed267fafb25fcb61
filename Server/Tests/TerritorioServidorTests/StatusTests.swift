import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    @Suite struct Estados {
        static func changes(_ server: TestServer, token: String, after cursor: String) async throws -> StatusChanges {
            let result = try await HTTPClient.send("GET", server.url(WireProtocol.statusChangesPath + "?desde=" + cursor), token: token)
            #expect(result.status == 200)
            return try result.decode(StatusChanges.self)
        }

        static func send(_ server: TestServer, token: String) async throws -> NovedadReceipt {
            let id = Fixtures.newID()
            return try await Novedades.put(Fixtures.novedad(id: id), id: id, to: server, token: token).decode(NovedadReceipt.self)
        }

        @Test func eachGestorSeesOnlyTheChangesOfItsOwnNovedadsAfterItsCursor() async throws {
            try await TestServer.run { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let anaOtherDevice = try await server.tokens.create(gestor: "ana")
                let luis = try await server.tokens.create(gestor: "Luis")
                let first = try await Self.send(server, token: ana)
                let fromLuis = try await Self.send(server, token: luis)
                let second = try await Self.send(server, token: anaOtherDevice)

                let initial = try await Self.changes(server, token: ana, after: "0")
                #expect(initial.cambios.map(\.radicado) == [first.radicado, second.radicado])
                #expect(initial.cambios.allSatisfy { $0.estado == "recibida" && $0.nota == nil })

                try await server.novedades.setStatus(radicado: second.radicado, estado: "en_tramite", nota: "Asignada a la Secretaría de la Mujer")
                try await server.novedades.setStatus(radicado: fromLuis.radicado, estado: "cerrada", nota: nil)

                let later = try await Self.changes(server, token: ana, after: initial.cursor)
                #expect(later.cambios.count == 1)
                let change = try #require(later.cambios.first)
                #expect(change.id == second.id)
                #expect(change.radicado == second.radicado)
                #expect(change.estado == "en_tramite")
                #expect(change.nota == "Asignada a la Secretaría de la Mujer")
                #expect(Int(later.cursor)! > Int(initial.cursor)!)

                let nothingNew = try await Self.changes(server, token: ana, after: later.cursor)
                #expect(nothingNew.cambios.isEmpty)
                #expect(nothingNew.cursor == later.cursor)

                let luisChanges = try await Self.changes(server, token: luis, after: "0")
                #expect(luisChanges.cambios.map(\.estado) == ["recibida", "cerrada"])
            }
        }

        @Test func answersComeInPagesOfFiveHundred() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let receipt = try await Self.send(server, token: token)
                try await server.database.client.query("""
                    WITH nuevos AS (SELECT g FROM generate_series(1, 600) g),
                         contador AS (UPDATE contadores SET valor = valor + 600 WHERE nombre = 'estados' RETURNING valor - 600 AS base)
                    INSERT INTO estados (seq, novedad_id, gestor_id, estado)
                    SELECT base + g, n.id, n.gestor_id, 'en_tramite' FROM nuevos, contador, novedades n WHERE n.id = \(receipt.id)::uuid
                    """, logger: server.database.logger)
                let page = try await Self.changes(server, token: token, after: "0")
                #expect(page.cambios.count == StatusLog.pageSize)
                let rest = try await Self.changes(server, token: token, after: page.cursor)
                #expect(rest.cambios.count == 601 - StatusLog.pageSize)
            }
        }

        @Test func missingCursorOrOneThatIsNotANumberIs400() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                // Found by Schemathesis: the contract's pattern and the server disagreed on "+5",
                // "007" and numbers past 64 bits.
                for query in ["?desde=abc", "?desde=-1", "?desde=1.5", "", "?desde=%2B5", "?desde=007", "?desde=1000000000000000000",
                              "?desde=99999999999999999999"] {
                    let result = try await HTTPClient.send("GET", server.url(WireProtocol.statusChangesPath + query), token: token)
                    #expect(result.status == 400, "\(query)")
                    #expect(result.problem?.type == ProblemType.badRequest)
                }
            }
        }
    }
}
