import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// A gestor is a stable identifier plus a display name that may repeat.
    @Suite struct Gestores {
        @Test func twoGestoresWithOneDisplayNameGetSeparateStatuses() async throws {
            try await TestServer.run { server in
                let first = try await server.tokens.issue(gestor: "maria-gomez", name: "María Gómez")
                let second = try await server.tokens.issue(gestor: "maria.gomez.suba", name: "María Gómez")
                #expect(first.newGestor && second.newGestor)
                for issued in [first, second] {
                    let session = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: issued.token)
                    #expect(try session.decode(SessionResponse.self).gestor == "María Gómez")
                }
                let fromFirst = try await Estados.send(server, token: first.token)
                let fromSecond = try await Estados.send(server, token: second.token)
                try await server.novedades.setStatus(radicado: fromSecond.radicado, estado: "atendida", nota: nil)

                let firstFeed = try await Estados.changes(server, token: first.token, after: "0")
                #expect(firstFeed.cambios.map(\.radicado) == [fromFirst.radicado])
                let secondFeed = try await Estados.changes(server, token: second.token, after: "0")
                #expect(secondFeed.cambios.map(\.radicado) == [fromSecond.radicado, fromSecond.radicado])
                #expect(secondFeed.cambios.map(\.estado) == ["recibida", "atendida"])
            }
        }

        @Test func aNameGivenAsGestorBecomesANewGestorWithItsSlugAndAnIdentifierAddsADevice() async throws {
            try await TestServer.run { server in
                let first = try await server.tokens.issue(gestor: "María Gómez", name: nil)
                let namesake = try await server.tokens.issue(gestor: "  María  Gómez ", name: nil)
                let device = try await server.tokens.issue(gestor: "maria-gomez", name: nil)
                let accents = try await server.tokens.issue(gestor: "ÑOÑO Ávila_Ü", name: nil)
                let symbols = try await server.tokens.issue(gestor: "¡¿?!", name: nil)
                #expect([first.gestor, namesake.gestor, device.gestor] == ["maria-gomez", "maria-gomez-2", "maria-gomez"])
                #expect([first.newGestor, namesake.newGestor, device.newGestor] == [true, true, false])
                #expect(namesake.name == "María  Gómez")
                #expect(accents.gestor == "nono-avila_u")
                #expect(symbols.gestor == "gestor")

                let listed = try await server.tokens.list(gestor: "maria-gomez")
                #expect(listed.map(\.tokenID) == [first.tokenID, device.tokenID])
                #expect(try await server.tokens.list().count == 5)

                #expect(try await server.tokens.revoke(tokenID: device.tokenID))
                #expect(try await !server.tokens.revoke(tokenID: device.tokenID))
                #expect(try await server.tokens.authenticate(token: device.token) == nil)
                #expect(try await server.tokens.authenticate(token: first.token)?.name == "María Gómez")
                #expect(try await server.tokens.revoke(gestor: "maria-gomez") == 1)
                #expect(try await server.tokens.authenticate(token: namesake.token) != nil)
            }
        }

        @Test func refusalsChangeNothing() async throws {
            try await TestServer.run { server in
                _ = try await server.tokens.issue(gestor: "ana", name: "Ana Pérez")
                let refusals: [(String, String?, String)] = [
                    ("ana", "Ana Gómez", "ya existe y se llama «Ana Pérez»"),
                    ("luis", nil, "No hay un gestor «luis»"),
                    ("Luis Díaz", "Luis Díaz", "no sirve como identificador"),
                    ("ana", "", "entre 1 y 200 caracteres"),
                    ("Ana\nPérez", nil, "sin saltos de línea"),
                ]
                for (gestor, name, message) in refusals {
                    await #expect { _ = try await server.tokens.issue(gestor: gestor, name: name) } throws: { error in
                        (error as? ServerFailure)?.message.contains(message) == true
                    }
                }
                #expect(try await server.tokens.list().count == 1)
                await #expect(throws: ServerFailure.self) { _ = try await server.tokens.revoke(tokenID: 99) }
                await #expect(throws: ServerFailure.self) { _ = try await server.tokens.list(gestor: "Ana Pérez") }
            }
        }

        /// A database written before identifiers: two people of one name cannot exist there, but
        /// names whose slugs collide can; each gets its own identifier, oldest first, and keeps
        /// its tokens and its statuses.
        @Test func theSchemaStepGivesTodaysGestoresIdentifiers() async throws {
            let (databaseURL, database) = try await TestDatabase.createAndOpen()
            let tokens = ["Ana Pérez": "a", "Ana Perez": "b", "ana-perez": "c", "Luis": "d"].mapValues { String(repeating: $0, count: 48) }
            let novedadID = Fixtures.newID()
            try await database.run { database in
                try await Schema.migrate(database, secret: TestSecret.secret, through: 2)
                for name in ["Ana Pérez", "Ana Perez", "ana-perez", "Luis"] {
                    try await database.client.query("""
                        WITH g AS (INSERT INTO gestores (nombre) VALUES (\(name)) RETURNING id)
                        INSERT INTO tokens (sha256, gestor_id) SELECT \(TokenStore.hash(tokens[name]!)), id FROM g
                        """, logger: database.logger)
                }
                try await database.client.query("""
                    WITH n AS (
                        INSERT INTO novedades (id, radicado, gestor_id, token_id, cuerpo, cuerpo_sha256)
                        SELECT \(novedadID)::uuid, 'TER-2026-000001', g.id, t.id, '\\x7b7d', 'x'
                        FROM gestores g JOIN tokens t ON t.gestor_id = g.id WHERE g.nombre = 'Luis'
                        RETURNING id
                    )
                    INSERT INTO estados (seq, novedad_id, estado) SELECT 1, id, 'recibida' FROM n
                    """, logger: database.logger)
                try await database.client.query("UPDATE contadores SET valor = 1 WHERE nombre = 'estados'", logger: database.logger)

                try await Schema.migrate(database, secret: TestSecret.secret)

                let rows = try await database.client.query("SELECT nombre, identificador FROM gestores ORDER BY id", logger: database.logger)
                var identifiers: [String] = []
                for try await (_, identifier) in rows.decode((String, String).self) { identifiers.append(identifier) }
                #expect(identifiers == ["ana-perez", "ana-perez-2", "ana-perez-3", "luis"])
                let store = TokenStore(database: database)
                #expect(try await store.authenticate(token: tokens["Ana Perez"]!)?.name == "Ana Perez")
                let luis = try #require(try await store.authenticate(token: tokens["Luis"]!))
                let feed = try await StatusLog.changes(for: luis, after: 0, in: database)
                #expect(feed.cambios.map(\.id) == [novedadID])
                let namesake = try await store.issue(gestor: "Luis", name: nil)
                #expect(namesake.gestor == "luis-2")
            }
        }

        /// A million changes of other gestors do not slow one gestor's feed: its query reads the
        /// index (gestor, seq) instead of scanning every change after the cursor.
        @Test func theStatusFeedIsAnsweredFromTheGestorIndex() async throws {
            try await TestServer.run { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let others = try await server.tokens.create(gestor: "Luis")
                let mine = try await Estados.send(server, token: ana)
                let theirs = try await Estados.send(server, token: others)
                try await server.database.client.query("""
                    WITH contador AS (UPDATE contadores SET valor = valor + 1000000 WHERE nombre = 'estados' RETURNING valor - 1000000 AS base)
                    INSERT INTO estados (seq, novedad_id, gestor_id, estado)
                    SELECT base + g, \(theirs.id)::uuid, 1000 + g % 997, 'en_tramite' FROM contador, generate_series(1, 1000000) g
                    """, logger: server.database.logger)
                try await server.novedades.setStatus(radicado: mine.radicado, estado: "atendida", nota: nil)
                try await server.database.client.query("ANALYZE estados", logger: server.database.logger)

                let gestor = try #require(try await server.tokens.authenticate(token: ana))
                let query = StatusLog.changesQuery(gestorID: gestor.gestorID, after: 1)
                let rows = try await server.database.client.query(PostgresQuery(unsafeSQL: "EXPLAIN " + query.sql, binds: query.binds),
                                                                  logger: server.database.logger)
                var plan: [String] = []
                for try await line in rows.decode(String.self) { plan.append(line) }
                let text = plan.joined(separator: "\n")
                #expect(text.contains("Index Scan using estados_gestor on estados"), "\(text)")
                #expect(!text.contains("Seq Scan on estados"), "\(text)")

                let feed = try await Estados.changes(server, token: ana, after: "0")
                #expect(feed.cambios.map(\.estado) == ["recibida", "atendida"])
            }
        }
    }
}
