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

        @Test func wholePhotoStreamsIntoTheStoreWhileItArrives() async throws {
            let folder = TestObjects.folder(forDatabaseNamed: "flujo-" + Fixtures.newID())
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try await TestServer.run(limits: ServerLimits(), objects: FolderObjectStore(root: folder)) { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Array(Fixtures.photo("flujo", bytes: 8 * 1024 * 1024))
                let hash = Fixtures.sha256(Data(photo))
                let connection = try RawConnection(port: server.port)
                connection.send("PUT \(WireProtocol.attachmentPath(sha256: hash)) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer \(token)\r\nContent-Type: application/octet-stream\r\nContent-Length: \(photo.count)\r\n\r\n")
                let sent = 6 * 1024 * 1024
                await connection.send(bytes: photo[..<sent])
                // Two bytes in three of what was sent are already in the file being written, before
                // the photo's last byte exists: the body goes through, it is not collected first.
                let streamed = try await poll { Self.bytesBeingWritten(under: folder) >= sent * 2 / 3 }
                #expect(streamed, "only \(Self.bytesBeingWritten(under: folder)) bytes reached the store")
                await connection.send(bytes: photo[sent...])
                let head = await connection.responseHead(within: 30)
                #expect(head?.hasPrefix("HTTP/1.1 201") == true, "\(head ?? "no answer")")
                let object = try #require(try await AttachmentStore(database: server.database).object(of: hash))
                #expect(try await TestObjects.bytes(of: object, in: server.objects) == photo)
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

        /// Bytes in the folder store's files still being written (`.escribiendo-…`).
        private static func bytesBeingWritten(under folder: String) -> Int {
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            return files.filter { ($0 as NSString).lastPathComponent.hasPrefix(".escribiendo-") }.reduce(0) { total, file in
                total + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? NSNumber)?.intValue ?? 0)
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
