import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    @Suite struct Catalogo {
        static func changes(_ server: TestServer, token: String, from cursor: String, ifNoneMatch: String? = nil) async throws -> HTTPResult {
            try await HTTPClient.send("GET", server.url(WireProtocol.catalogueChangesPath + "?desde=" + cursor), token: token,
                                      headers: ifNoneMatch.map { ["If-None-Match": $0] } ?? [:])
        }

        static func publish(_ object: [String: Any], on server: TestServer) async throws -> Int64 {
            try await server.catalogue.publish(CatalogueFile(bytes: Array(try Fixtures.json(object))))
        }

        static func ids(_ routes: Any?) -> [String] {
            (routes as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }

        @Test func nothingPublishedIsAnEmptyDelta() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                for cursor in ["0", "3", "abc"] {
                    let result = try await Self.changes(server, token: token, from: cursor)
                    #expect(result.status == 200)
                    #expect(result.header("ETag") == "\"0\"")
                    #expect(String(decoding: result.body, as: UTF8.self)
                        == #"{"cursor":"0","completo":false,"catalogo":null,"referencias":null,"fuentes":null,"rutas":[],"borradas":[]}"#)
                }
            }
        }

        @Test func afterPublishingTheFirstPullIsTheWholeCatalogue() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let sample = try Fixtures.sampleCatalogue()
                #expect(try await Self.publish(sample, on: server) == 1)

                let session = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: token).decode(SessionResponse.self)
                #expect(session.catalogo.cursor == "1")

                let result = try await Self.changes(server, token: token, from: "0")
                #expect(result.status == 200)
                #expect(result.header("ETag") == "\"1\"")
                let delta = try #require(result.object)
                #expect(delta["cursor"] as? String == "1")
                #expect(delta["completo"] as? Bool == true)
                let version = try #require(delta["catalogo"] as? [String: Any])
                #expect(version["version"] as? String == sample["version"] as? String)
                #expect(version["fecha"] as? String == sample["fecha"] as? String)
                #expect(version["muestra"] as? Bool == true)
                #expect(version["aviso"] as? String == sample["aviso"] as? String)
                #expect(Self.ids(delta["rutas"]) == Self.ids(sample["rutas"]))
                #expect((delta["borradas"] as? [String])?.isEmpty == true)
                let references = try #require(delta["referencias"] as? [String: Any])
                #expect(NSDictionary(dictionary: references).isEqual(to: sample["referencias"] as! [String: Any]))
                let sources = try #require(delta["fuentes"] as? [[String: Any]])
                #expect(NSArray(array: sources).isEqual(to: sample["fuentes"] as! [Any]))
                let firstRoute = try #require((delta["rutas"] as? [[String: Any]])?.first)
                #expect(NSDictionary(dictionary: firstRoute).isEqual(to: Fixtures.routes(of: sample)[0]))
            }
        }

        @Test func anEditAndADeletionComeAsADelta() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                _ = try await Self.publish(try Fixtures.sampleCatalogue(), on: server)
                var (edited, editedID, deletedID) = try Fixtures.editedCatalogue(newTitle: "Título nuevo de la ruta editada")
                var routes = Fixtures.routes(of: edited)
                var added = routes[2]
                added["id"] = "ruta-nueva-de-prueba"
                routes.append(added)
                edited["rutas"] = routes
                #expect(try await Self.publish(edited, on: server) == 2)

                let result = try await Self.changes(server, token: token, from: "1", ifNoneMatch: "\"1\"")
                #expect(result.status == 200)
                #expect(result.header("ETag") == "\"2\"")
                let delta = try #require(result.object)
                #expect(delta["cursor"] as? String == "2")
                #expect(delta["completo"] as? Bool == false)
                #expect(Self.ids(delta["rutas"]) == [editedID, "ruta-nueva-de-prueba"])
                #expect((delta["rutas"] as? [[String: Any]])?.first?["titulo"] as? String == "Título nuevo de la ruta editada")
                #expect(delta["borradas"] as? [String] == [deletedID])
                #expect((delta["catalogo"] as? [String: Any])?["version"] as? String == "2026.12-prueba")
                #expect(delta["referencias"] is [String: Any])

                let full = try #require(try await Self.changes(server, token: token, from: "0").object)
                #expect(Self.ids(full["rutas"]) == Self.ids(edited["rutas"]))
                #expect(full["completo"] as? Bool == true)
            }
        }

        @Test func anUpToDateCursorIs304WithItsETagOrAnEmptyDeltaWithout() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                _ = try await Self.publish(try Fixtures.sampleCatalogue(), on: server)

                for tag in ["\"1\"", "W/\"1\"", "\"7\", \"1\""] {
                    let notModified = try await Self.changes(server, token: token, from: "1", ifNoneMatch: tag)
                    #expect(notModified.status == 304, "\(tag)")
                    #expect(notModified.header("ETag") == "\"1\"")
                    #expect(notModified.body.isEmpty)
                }

                let empty = try await Self.changes(server, token: token, from: "1")
                #expect(empty.status == 200)
                let delta = try #require(empty.object)
                #expect(delta["cursor"] as? String == "1")
                #expect(delta["completo"] as? Bool == false)
                #expect((delta["rutas"] as? [Any])?.isEmpty == true)
                #expect((delta["borradas"] as? [Any])?.isEmpty == true)
                #expect((delta["catalogo"] as? [String: Any])?["version"] as? String == "2026.12-muestra")
                #expect(delta["referencias"] is [String: Any])

                let otherTag = try await Self.changes(server, token: token, from: "1", ifNoneMatch: "\"0\"")
                #expect(otherTag.status == 200)
            }
        }

        @Test func unknownCursorIs410AndAMissingOneIs400() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                _ = try await Self.publish(try Fixtures.sampleCatalogue(), on: server)
                for cursor in ["2", "99", "-1", "abc", "1.0"] {
                    let result = try await Self.changes(server, token: token, from: cursor)
                    #expect(result.status == 410, "\(cursor)")
                    #expect(result.problem?.type == ProblemType.cursorExpired, "\(cursor)")
                }
                let missing = try await HTTPClient.send("GET", server.url(WireProtocol.catalogueChangesPath), token: token)
                #expect(missing.status == 400)
                #expect(missing.problem?.type == ProblemType.badRequest)
            }
        }
    }
}
