import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// Every API route sits behind the authentication middleware, and a method a path does not
    /// support is `405` with `Allow`.
    @Suite struct Rutas {
        static let hash = String(repeating: "ab", count: 32)
        static let id = "6f1c2a3e-8b4d-4e7f-9a1b-2c3d4e5f6a7b"
        /// Each path of docs/openapi.yaml with the methods it supports, as `Allow` lists them.
        static let routes: [(path: String, allow: [String])] = [
            (WireProtocol.sessionPath, ["GET"]),
            (WireProtocol.attachmentPath(sha256: hash), ["HEAD", "PUT", "PATCH"]),
            (WireProtocol.novedadPath(id: id), ["PUT"]),
            (WireProtocol.statusChangesPath + "?desde=0", ["GET"]),
            (WireProtocol.catalogueChangesPath + "?desde=0", ["GET"]),
        ]

        @Test func everyMethodOfEveryRouteNeedsAToken() async throws {
            try await TestServer.run { server in
                for route in Self.routes {
                    for method in APIRoutes<APIRequestContext>.knownMethods.map(\.rawValue) where method != "TRACE" {
                        // URLSession sends a body only with these methods.
                        let body = ["PUT", "PATCH", "POST"].contains(method) ? Data("x".utf8) : nil
                        let result = try await HTTPClient.send(method, server.url(route.path), token: nil, body: body)
                        #expect(result.status == 401, "\(method) \(route.path)")
                        #expect(result.header("WWW-Authenticate") == "Bearer error=\"invalid_token\"", "\(method) \(route.path)")
                    }
                }
            }
        }

        @Test func aMethodThePathDoesNotSupportIs405WithAllow() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                for route in Self.routes {
                    // QUERY found by Schemathesis: it answered 404 before the method was listed.
                    for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY"] where !route.allow.contains(method) {
                        let body = ["PUT", "PATCH", "POST"].contains(method) ? Data("x".utf8) : nil
                        let result = try await HTTPClient.send(method, server.url(route.path), token: token, body: body)
                        #expect(result.status == 405, "\(method) \(route.path)")
                        #expect(result.header("Allow") == route.allow.joined(separator: ", "), "\(method) \(route.path)")
                        if method != "HEAD" {
                            #expect(result.problem?.type == ProblemType.methodNotAllowed, "\(method) \(route.path)")
                        }
                    }
                }
                let unknown = try await HTTPClient.send("GET", server.url(WireProtocol.basePath + "/nada"), token: token)
                #expect(unknown.status == 404)
            }
        }
    }

    /// Slow or idle clients cannot keep a process's connections: a connection must send its
    /// headers in time and is closed when it goes quiet, and beyond the cap new ones wait.
    @Suite struct Conexiones {
        static let request = "GET \(WireProtocol.basePath)/sesion HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

        @Test func aConnectionThatDoesNotFinishItsHeadersIsClosed() async throws {
            let limits = ConnectionLimits(idleTimeout: .seconds(600), headerTimeout: .seconds(1), maximumConnections: 10)
            try await TestServer.run(connections: limits) { server in
                let silent = try RawConnection(port: server.port)
                let dribbling = try RawConnection(port: server.port)
                dribbling.send("GET \(WireProtocol.basePath)/sesion HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lento: ")
                #expect(await silent.closedByServer(within: 60))
                #expect(await dribbling.closedByServer(within: 60))
            }
        }

        @Test func anIdleConnectionIsClosedAfterItsAnswer() async throws {
            let limits = ConnectionLimits(idleTimeout: .seconds(1), headerTimeout: .seconds(600), maximumConnections: 10)
            try await TestServer.run(connections: limits) { server in
                let connection = try RawConnection(port: server.port)
                connection.send(Self.request)
                let head = try #require(await connection.responseHead(within: 60))
                #expect(head.hasPrefix("HTTP/1.1 401"), "\(head)")
                #expect(await connection.closedByServer(within: 60))
            }
        }

        @Test func beyondTheCapANewConnectionWaitsForAFreeOne() async throws {
            let limits = ConnectionLimits(idleTimeout: .seconds(600), headerTimeout: .seconds(600), maximumConnections: 2)
            try await TestServer.run(connections: limits) { server in
                let holding = try RawConnection(port: server.port)
                let working = try RawConnection(port: server.port)
                working.send(Self.request)
                #expect(await working.responseHead(within: 60) != nil)
                let waiting = try RawConnection(port: server.port)
                waiting.send(Self.request)
                // The server goes on answering the connections it holds; the third gets nothing.
                working.send(Self.request)
                #expect(await working.responseHead(within: 60) != nil)
                #expect(!waiting.hasAnswered())
                holding.hangUp()
                let head = try #require(await waiting.responseHead(within: 60))
                #expect(head.hasPrefix("HTTP/1.1 401"), "\(head)")
            }
        }

        @Test func settingsComeFromTheEnvironmentAndBadOnesAreRefused() throws {
            #expect(try ConnectionLimits(environment: [:]) == ConnectionLimits())
            let set = try ConnectionLimits(environment: ["TERRITORIO_INACTIVIDAD_S": "30", "TERRITORIO_CABECERAS_S": "5",
                                                         "TERRITORIO_CONEXIONES_MAX": "200"])
            #expect(set == ConnectionLimits(idleTimeout: .seconds(30), headerTimeout: .seconds(5), maximumConnections: 200))
            for (name, value) in [("TERRITORIO_CONEXIONES_MAX", "muchas"), ("TERRITORIO_INACTIVIDAD_S", "0"), ("TERRITORIO_CABECERAS_S", "-3")] {
                #expect { try ConnectionLimits(environment: [name: value]) } throws: { error in
                    (error as? ServerFailure)?.message.contains(name) == true
                }
            }
        }
    }
}
