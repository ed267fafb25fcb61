import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    @Suite struct Novedades {
        static func upload(_ photo: Data, to server: TestServer, token: String) async throws {
            let result = try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo))), token: token, body: photo)
            #expect(result.status == 201)
        }

        static func put(_ body: Data, id: String, to server: TestServer, token: String, headers: [String: String] = [:]) async throws -> HTTPResult {
            try await HTTPClient.send("PUT", server.url(WireProtocol.novedadPath(id: id)), token: token, body: body,
                                      headers: ["Content-Type": "application/json"].merging(headers) { $1 })
        }

        static func storedCount(_ server: TestServer) async throws -> Int64 {
            let rows = try await server.database.client.query("SELECT count(*) FROM novedades", logger: server.database.logger)
            for try await count in rows.decode(Int64.self) { return count }
            return -1
        }

        @Test func newNovedadIs201WithARadicadoAndAFirstStatus() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photos = [Fixtures.photo("1"), Fixtures.photo("2")]
                for photo in photos { try await Self.upload(photo, to: server, token: token) }
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id, attachments: photos)
                let digest = WireProtocol.reprDigest(sha256: SHA256.digest(of: Array(body)))
                let result = try await Self.put(body, id: id, to: server, token: token, headers: ["Repr-Digest": digest])
                #expect(result.status == 201)
                #expect(result.header("Repr-Digest") == digest)
                let receipt = try result.decode(NovedadReceipt.self)
                #expect(receipt.id == id)
                #expect(receipt.estado == "recibida")
                #expect(receipt.radicado.wholeMatch(of: /TER-20\d\d-\d{6}/) != nil, "\(receipt.radicado)")
                #expect(receipt.recibida_en.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(receipt.recibida_en)")

                let rows = try await server.database.client.query("""
                    SELECT n.cuerpo, g.nombre, (SELECT array_agg(sha256 ORDER BY posicion) FROM novedad_adjuntos WHERE novedad_id = n.id)
                    FROM novedades n JOIN gestores g ON g.id = n.gestor_id
                    """, logger: server.database.logger)
                for try await (stored, gestor, attachments) in rows.decode((ByteBuffer, String, [String]).self) {
                    #expect(Data(stored.readableBytesView) == body)
                    #expect(gestor == "Ana")
                    #expect(attachments == photos.map(Fixtures.sha256))
                }
                let changes = try await HTTPClient.send("GET", server.url(WireProtocol.statusChangesPath + "?desde=0"), token: token)
                    .decode(StatusChanges.self)
                #expect(changes.cambios.map(\.estado) == ["recibida"])
                #expect(changes.cambios.first?.radicado == receipt.radicado)
            }
        }

        @Test func radicadosPastTheSixthDigitKeepEveryDigitAndStayDistinct() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                _ = try await server.database.client.query("SELECT setval('radicados', 999998)", logger: server.database.logger)
                var radicados: [String] = []
                for _ in 1...2 {
                    let id = Fixtures.newID()
                    let result = try await Self.put(Fixtures.novedad(id: id, attachments: []), id: id, to: server, token: token)
                    #expect(result.status == 201)
                    radicados.append(try result.decode(NovedadReceipt.self).radicado)
                }
                #expect(radicados.map { $0.split(separator: "-").last.map(String.init) } == ["999999", "1000000"], "\(radicados)")
            }
        }

        @Test func identicalBytesAgainIs200WithTheSameReceiptAndOneRow() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id)
                let first = try await Self.put(body, id: id, to: server, token: token)
                let second = try await Self.put(body, id: id, to: server, token: token)
                #expect(first.status == 201)
                #expect(second.status == 200)
                #expect(try first.decode(NovedadReceipt.self) == second.decode(NovedadReceipt.self))
                #expect(try await Self.storedCount(server) == 1)
            }
        }

        @Test func concurrentIdenticalRequestsEndAsOneRowAndOneRadicado() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id)
                let results = try await withThrowingTaskGroup(of: HTTPResult.self) { group in
                    for _ in 0..<6 {
                        group.addTask { try await Self.put(body, id: id, to: server, token: token) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(results.filter { $0.status == 201 }.count == 1)
                #expect(results.allSatisfy { [200, 201].contains($0.status) })
                #expect(Set(try results.map { try $0.decode(NovedadReceipt.self).radicado }).count == 1)
                #expect(try await Self.storedCount(server) == 1)
            }
        }

        @Test func sameIDWithOtherBytesIs409AndNeverOverwrites() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let original = Fixtures.novedad(id: id)
                let receipt = try await Self.put(original, id: id, to: server, token: token).decode(NovedadReceipt.self)
                let edited = Fixtures.novedad(id: id, changes: ["descripcion": "Otra descripción distinta, ya editada después."])
                let result = try await Self.put(edited, id: id, to: server, token: token)
                #expect(result.status == 409)
                #expect(result.problem?.type == ProblemType.novedadConflict)
                #expect(result.problem?.detail?.contains(receipt.radicado) == true)
                let rows = try await server.database.client.query("SELECT cuerpo FROM novedades", logger: server.database.logger)
                for try await stored in rows.decode(ByteBuffer.self) {
                    #expect(Data(stored.readableBytesView) == original)
                }
            }
        }

        @Test func missingAttachmentsIs409WithTheirHashesAndStoresNothing() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let present = Fixtures.photo("presente")
                let absent = [Fixtures.photo("ausente-1"), Fixtures.photo("ausente-2")]
                try await Self.upload(present, to: server, token: token)
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id, attachments: [absent[0], present, absent[1]])
                let result = try await Self.put(body, id: id, to: server, token: token)
                #expect(result.status == 409)
                let problem = try #require(result.problem)
                #expect(problem.type == ProblemType.missingAttachments)
                #expect(problem.faltantes == absent.map(Fixtures.sha256))
                #expect(try await Self.storedCount(server) == 0)

                for photo in absent { try await Self.upload(photo, to: server, token: token) }
                #expect(try await Self.put(body, id: id, to: server, token: token).status == 201)
            }
        }

        @Test func bodyThatIsNotAJSONObjectIs400() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                for body in ["{\"id\": ", "[1, 2]", "\"texto\"", "<html>portal</html>"] {
                    let result = try await Self.put(Data(body.utf8), id: id, to: server, token: token)
                    #expect(result.status == 400, "\(body)")
                    #expect(result.problem?.type == ProblemType.badRequest, "\(body)")
                }
                #expect(try await Self.storedCount(server) == 0)
            }
        }

        @Test func digestHeaderThatDoesNotMatchIs400() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id)
                let wrong = WireProtocol.reprDigest(sha256: SHA256.digest(of: Array("otra cosa".utf8)))
                let result = try await Self.put(body, id: id, to: server, token: token, headers: ["Repr-Digest": wrong])
                #expect(result.status == 400)
                #expect(result.problem?.type == ProblemType.digestMismatch)
                #expect(try await Self.storedCount(server) == 0)
            }
        }

        /// One way each to get the shape wrong.
        enum InvalidShape: String, CaseIterable, Sendable {
            case otherID, missingType, emptyLocalidad, shortDescription, longDescription, attachmentsNotAList, uppercaseHash, tooManyAttachments
            // Fields the server keeps uninterpreted were stored whatever their type, against the
            // contract's types (what Schemathesis's negative cases send).
            case entityNotText, coordinatesNotAnObject, populationsNotAList, observedAtNotText, attachmentBytesNotANumber

            var changes: [String: Any?] {
                switch self {
                case .otherID: ["id": Fixtures.newID()]
                case .missingType: ["tipo": nil]
                case .emptyLocalidad: ["localidad": ""]
                case .shortDescription: ["descripcion": "muy corta"]
                case .longDescription: ["descripcion": String(repeating: "á", count: 5_001)]
                case .attachmentsNotAList: ["adjuntos": "ninguno"]
                case .uppercaseHash: ["adjuntos": [["sha256": String(repeating: "A", count: 64)]]]
                case .tooManyAttachments: ["adjuntos": (0..<4).map { ["sha256": Fixtures.sha256(Data([UInt8($0)]))] }]
                case .entityNotText: ["entidad": 5]
                case .coordinatesNotAnObject: ["coordenadas": "4.6332,-74.1574"]
                case .populationsNotAList: ["poblaciones": "mujeres"]
                case .observedAtNotText: ["observada_en": 20_261_120]
                case .attachmentBytesNotANumber: ["adjuntos": [["sha256": String(repeating: "a", count: 64), "bytes": "2 MB"]]]
                }
            }
        }

        @Test(arguments: InvalidShape.allCases)
        func invalidShapeIs422(_ shape: InvalidShape) async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let result = try await Self.put(Fixtures.novedad(id: id, changes: shape.changes), id: id, to: server, token: token)
                #expect(result.status == 422)
                #expect(result.problem?.type == ProblemType.invalidNovedad)
                #expect(try await Self.storedCount(server) == 0)
            }
        }

        @Test func idThatIsNotALowercaseUUIDIs422() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID().uppercased()
                let result = try await Self.put(Fixtures.novedad(id: id), id: id, to: server, token: token)
                #expect(result.status == 422)
                #expect(result.problem?.type == ProblemType.invalidNovedad)
            }
        }

        @Test func bodyOverTheLimitIs413() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let id = Fixtures.newID()
                let body = Fixtures.novedad(id: id, changes: ["barrio": String(repeating: "x", count: TestServer.testLimits.bytesPerNovedad)])
                let result = try await Self.put(body, id: id, to: server, token: token)
                #expect(result.status == 413)
                #expect(result.problem?.type == ProblemType.tooLarge)
                #expect(try await Self.storedCount(server) == 0)
            }
        }
    }
}
