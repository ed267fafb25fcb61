import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    @Suite struct Sesion {
        @Test func sessionHasTheFixedShapeThatTellsTheServerFromACaptivePortal() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana Pérez")
                let result = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: token)
                #expect(result.status == 200)
                #expect(result.header("Content-Type") == "application/json")
                let session = try result.decode(SessionResponse.self)
                #expect(session.servicio == "territorio")
                #expect(session.version_protocolo == 1)
                #expect(session.gestor == "Ana Pérez")
                #expect(session.limites == .init(bytes_por_adjunto: TestServer.testLimits.bytesPerAttachment,
                                                 adjuntos_por_novedad: TestServer.testLimits.attachmentsPerNovedad))
                #expect(session.catalogo.cursor == "0")
            }
        }

        @Test func defaultLimitsAreFifteenMebibytesAndTenAttachments() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let session = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: token).decode(SessionResponse.self)
                #expect(session.limites == .init(bytes_por_adjunto: 15 * 1024 * 1024, adjuntos_por_novedad: 10))
            }
        }

        @Test func unknownOrMissingTokenIs401WithTheInstruction() async throws {
            try await TestServer.run { server in
                for token in ["no-existe", nil] {
                    let result = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: token)
                    #expect(result.status == 401)
                    #expect(result.header("WWW-Authenticate") == "Bearer error=\"invalid_token\"")
                    let problem = try #require(result.problem)
                    #expect(problem.type == ProblemType.unauthorized)
                    #expect(problem.status == 401)
                    #expect(problem.detail?.contains("Pida un token nuevo a su coordinador y péguelo en Perfil.") == true)
                }
            }
        }

        @Test func revokedTokenIs401OnEveryEndpoint() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Luis")
                let other = try await server.tokens.create(gestor: "Marta")
                #expect(try await server.tokens.revoke(gestor: "luis") == 1)
                let hash = String(repeating: "a", count: 64)
                let id = Fixtures.newID()
                let requests: [(String, String, Data?)] = [
                    ("GET", WireProtocol.sessionPath, nil),
                    ("HEAD", WireProtocol.attachmentPath(sha256: hash), nil),
                    ("PUT", WireProtocol.attachmentPath(sha256: hash), Data("x".utf8)),
                    ("PUT", WireProtocol.novedadPath(id: id), Fixtures.novedad(id: id)),
                    ("GET", WireProtocol.statusChangesPath + "?desde=0", nil),
                    ("GET", WireProtocol.catalogueChangesPath + "?desde=0", nil),
                ]
                for (method, path, body) in requests {
                    let result = try await HTTPClient.send(method, server.url(path), token: token, body: body)
                    #expect(result.status == 401, "\(method) \(path)")
                    if method != "HEAD" {
                        #expect(result.problem?.type == ProblemType.unauthorized, "\(method) \(path)")
                    }
                }
                let stillValid = try await HTTPClient.send("GET", server.url(WireProtocol.sessionPath), token: other)
                #expect(stillValid.status == 200)
            }
        }

        @Test func unknownPathIsAProblem404() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let result = try await HTTPClient.send("GET", server.url("/api/v1/nada"), token: token)
                #expect(result.status == 404)
                #expect(result.problem?.type == ProblemType.notFound)
            }
        }
    }
}
