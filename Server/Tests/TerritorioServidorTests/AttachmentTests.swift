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

        @Test func wholePhotosStalledMidBodyHoldNoConnectionToTheStore() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let token = try await server.tokens.create(gestor: "Ana")
                // More gestors stuck halfway through a whole-photo PUT than the store client has
                // connections: their bodies wait in files, so none of them holds one.
                var stalled: [RawConnection] = []
                for index in 0...S3ObjectStore.connections {
                    let photo = Array(Fixtures.photo("lenta-\(index)", bytes: 100_000))
                    let connection = try RawConnection(port: server.port)
                    connection.send("PUT \(WireProtocol.attachmentPath(sha256: Fixtures.sha256(Data(photo)))) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer \(token)\r\nContent-Type: application/octet-stream\r\nContent-Length: \(photo.count)\r\n\r\n")
                    await connection.send(bytes: photo[..<50_000])
                    stalled.append(connection)
                }
                let photo = Fixtures.photo("rapida", bytes: 300_000)
                let hash = Fixtures.sha256(photo)
                let result = try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: hash)), token: token, body: photo)
                #expect(result.status == 201)
                #expect(try await TestObjects.photo(hash, database: server.database) == Array(photo))
                #expect(stalled.allSatisfy { !$0.hasAnswered() }, "the stalled uploads are still waiting for their bytes")
            }
        }

        @Test func largeWholePhotoWithAWrongByteIs400AndLeavesNoObjectAndTheGestorsUploadAsItWas() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("dañada", bytes: 6 * 1024 * 1024 + 123)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                let piece = try await HTTPClient.send("PATCH", url, token: token, body: photo.prefix(60_000), headers: [
                    "Content-Type": WireProtocol.uploadContentType, WireProtocol.uploadOffsetHeader: "0",
                    WireProtocol.uploadLengthHeader: String(photo.count),
                ])
                #expect(piece.status == 204)
                let objects = try await Self.objectCount(server)

                var damaged = photo
                damaged[damaged.count - 1] ^= 0xFF
                let result = try await HTTPClient.send("PUT", url, token: token, body: damaged)
                #expect(result.status == 400)
                #expect(result.problem?.type == ProblemType.digestMismatch)
                #expect(try await Self.objectCount(server) == objects, "the object begun for it was deleted")
                let head = try await HTTPClient.send("HEAD", url, token: token)
                #expect(head.status == 404)
                #expect(head.header(WireProtocol.uploadOffsetHeader) == "60000", "the gestor's resumable upload is untouched")
            }
        }

        private static func objectCount(_ server: TestServer) async throws -> Int64 {
            let rows = try await server.database.client.query("SELECT count(*) FROM objetos", logger: server.database.logger)
            for try await count in rows.decode(Int64.self) { return count }
            return 0
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

        @Test func chunkedWholePhotoIsStoredAndOneOverTheLimitIs413() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let limit = TestServer.testLimits.bytesPerAttachment
                for (name, size, status) in [("troceada", limit, "201"), ("troceada-grande", limit + 1, "413")] {
                    // No Content-Length: the size is known only by counting what arrives.
                    let photo = Array(Fixtures.photo(name, bytes: size))
                    let hash = Fixtures.sha256(Data(photo))
                    let connection = try RawConnection(port: server.port)
                    connection.send("PUT \(WireProtocol.attachmentPath(sha256: hash)) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer \(token)\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    for start in stride(from: 0, to: photo.count, by: 10_000) {
                        let chunk = photo[start..<min(start + 10_000, photo.count)]
                        connection.send(String(chunk.count, radix: 16) + "\r\n")
                        await connection.send(bytes: chunk)
                        connection.send("\r\n")
                    }
                    connection.send("0\r\n\r\n")
                    let head = await connection.responseHead(within: 30)
                    #expect(head?.hasPrefix("HTTP/1.1 \(status)") == true, "\(name): \(head ?? "no answer")")
                    let stored = try await HTTPClient.send("HEAD", server.url(WireProtocol.attachmentPath(sha256: hash)), token: token)
                    #expect(stored.status == (status == "201" ? 200 : 404))
                }
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
