import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    @Suite struct Adjuntos {
        @Test func newUploadIs201ThenReplayIs200AndHeadSeesIt() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("a", bytes: 50_000)
                let hash = Fixtures.sha256(photo)
                let url = server.url(WireProtocol.attachmentPath(sha256: hash))
                let digest = WireProtocol.reprDigest(sha256: SHA256.digest(of: Array(photo)))

                let missing = try await HTTPClient.send("HEAD", url, token: token)
                #expect(missing.status == 404)

                let first = try await HTTPClient.send("PUT", url, token: token, body: photo, headers: ["Repr-Digest": digest])
                #expect(first.status == 201)
                #expect(first.header("Repr-Digest") == digest)

                let again = try await HTTPClient.send("PUT", url, token: token, body: photo)
                #expect(again.status == 200)
                #expect(again.header("Repr-Digest") == digest)

                let head = try await HTTPClient.send("HEAD", url, token: token)
                #expect(head.status == 200)
                #expect(head.header("Content-Length") == String(photo.count))
                #expect(head.header("Repr-Digest") == digest)

                let stored = try await server.database.client.query("SELECT sha256 FROM adjuntos", logger: server.database.logger)
                var rows: [String] = []
                for try await row in stored.decode(String.self) { rows.append(row) }
                #expect(rows == [hash])
                #expect(try await TestObjects.photo(hash, database: server.database) == Array(photo))
            }
        }

        @Test func multiMegabyteUploadArrivesByteForByte() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("grande", bytes: 6 * 1024 * 1024 + 123)
                let hash = Fixtures.sha256(photo)
                let result = try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: hash)), token: token, body: photo)
                #expect(result.status == 201)
                #expect(try await TestObjects.photo(hash, database: server.database) == Array(photo))
            }
        }

        @Test func bodyThatIsNotTheURLsHashOrTheHeadersIs400AndNotStored() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("b")
                let hash = Fixtures.sha256(photo)
                let url = server.url(WireProtocol.attachmentPath(sha256: hash))

                var damaged = photo
                damaged[10] ^= 0xFF
                let wrongBody = try await HTTPClient.send("PUT", url, token: token, body: damaged)
                #expect(wrongBody.status == 400)
                #expect(wrongBody.problem?.type == ProblemType.digestMismatch)

                let otherDigest = WireProtocol.reprDigest(sha256: SHA256.digest(of: Array(damaged)))
                let wrongHeader = try await HTTPClient.send("PUT", url, token: token, body: photo, headers: ["Repr-Digest": otherDigest])
                #expect(wrongHeader.status == 400)
                #expect(wrongHeader.problem?.type == ProblemType.digestMismatch)

                let wrongContentDigest = try await HTTPClient.send("PUT", url, token: token, body: photo, headers: ["Content-Digest": otherDigest])
                #expect(wrongContentDigest.status == 400)

                #expect(try await HTTPClient.send("HEAD", url, token: token).status == 404)
            }
        }

        @Test func oversizeIs413AndNotStored() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("c", bytes: TestServer.testLimits.bytesPerAttachment + 1)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                let result = try await HTTPClient.send("PUT", url, token: token, body: photo)
                #expect(result.status == 413)
                #expect(result.problem?.type == ProblemType.tooLarge)
                #expect(try await HTTPClient.send("HEAD", url, token: token).status == 404)

                let atLimit = Fixtures.photo("d", bytes: TestServer.testLimits.bytesPerAttachment)
                let accepted = try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(atLimit))),
                                                         token: token, body: atLimit)
                #expect(accepted.status == 201)
            }
        }

        @Test func urlThatIsNotALowercaseHashIs400() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("e")
                for name in [Fixtures.sha256(photo).uppercased(), "abc", String(repeating: "g", count: 64)] {
                    let result = try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: name)), token: token, body: photo)
                    #expect(result.status == 400, "\(name)")
                    #expect(result.problem?.type == ProblemType.badRequest, "\(name)")
                }
            }
        }
    }
}
