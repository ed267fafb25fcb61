import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// `PATCH /adjuntos/{sha256}`: a photo sent in pieces, each at the offset the server holds.
    @Suite struct SubidasReanudables {
        private static func patch(_ server: TestServer, _ url: URL, token: String, body: Data, offset: Int, length: Int) async throws -> HTTPResult {
            try await HTTPClient.send("PATCH", url, token: token, body: body, headers: [
                "Content-Type": WireProtocol.uploadContentType,
                WireProtocol.uploadOffsetHeader: String(offset),
                WireProtocol.uploadLengthHeader: String(length),
            ])
        }

        private static func count(_ table: String, _ server: TestServer) async throws -> Int64 {
            let rows = try await server.database.client.query("SELECT count(*) FROM \(unescaped: table)", logger: server.database.logger)
            for try await count in rows.decode(Int64.self) { return count }
            return 0
        }

        @Test func piecesAtTheHeldOffsetCompleteThePhotoAndAWrongOffsetIsToldWhereToGoOn() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("reanudable", bytes: 50_000)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))

                let nothing = try await HTTPClient.send("HEAD", url, token: token)
                #expect(nothing.status == 404)
                #expect(nothing.header(WireProtocol.uploadOffsetHeader) == "0")

                let first = try await Self.patch(server, url, token: token, body: photo.prefix(20_000), offset: 0, length: photo.count)
                #expect(first.status == 204)
                #expect(first.header(WireProtocol.uploadOffsetHeader) == "20000")
                let partial = try await HTTPClient.send("HEAD", url, token: token)
                #expect(partial.status == 404, "an incomplete photo is not an attachment")
                #expect(partial.header(WireProtocol.uploadOffsetHeader) == "20000")

                let wrong = try await Self.patch(server, url, token: token, body: photo.suffix(from: 10_000), offset: 10_000, length: photo.count)
                #expect(wrong.status == 409)
                #expect(wrong.problem?.type == ProblemType.uploadOffsetMismatch)
                #expect(wrong.header(WireProtocol.uploadOffsetHeader) == "20000")

                let rest = try await Self.patch(server, url, token: token, body: photo.suffix(from: 20_000), offset: 20_000, length: photo.count)
                #expect(rest.status == 201)
                #expect(rest.header("Repr-Digest") == WireProtocol.reprDigest(sha256: SHA256.digest(of: Array(photo))))
                #expect(try await HTTPClient.send("HEAD", url, token: token).status == 200)
                #expect(try await Self.count("subidas", server) == 0)
                #expect(try await TestObjects.photo(Fixtures.sha256(photo), database: server.database) == Array(photo))

                let again = try await Self.patch(server, url, token: token, body: photo, offset: 0, length: photo.count)
                #expect(again.status == 200, "a photo the server has is never stored twice")
            }
        }

        @Test func bytesThatAreNotTheURLsHashAreDiscardedAtCompletion() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("dañada", bytes: 30_000)
                var damaged = photo
                damaged[12_345] ^= 0xff
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))

                let result = try await Self.patch(server, url, token: token, body: damaged, offset: 0, length: damaged.count)
                #expect(result.status == 400)
                #expect(result.problem?.type == ProblemType.digestMismatch)
                #expect(try await Self.count("adjuntos", server) == 0)
                #expect(try await Self.count("subidas", server) == 0, "the damaged bytes are not kept to resume from")
                #expect(try await HTTPClient.send("HEAD", url, token: token).header(WireProtocol.uploadOffsetHeader) == "0")
            }
        }

        @Test func missingHeadersAre400AndAnOversizePhotoIs413() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("grande", bytes: 1_000)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                let bare = try await HTTPClient.send("PATCH", url, token: token, body: photo)
                #expect(bare.status == 400)
                let limit = TestServer.testLimits.bytesPerAttachment
                let oversize = try await Self.patch(server, url, token: token, body: photo, offset: 0, length: limit + 1)
                #expect(oversize.status == 413)
            }
        }

        /// Schemathesis found the contract calling the body required while the server answers an
        /// empty piece: it is allowed, and before the end of the photo it changes nothing.
        @Test func anEmptyPieceChangesNothing() async throws {
            try await TestServer.run { server in
                let token = try await server.tokens.create(gestor: "Ana")
                let photo = Fixtures.photo("vacia", bytes: 1_000)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                let empty = try await Self.patch(server, url, token: token, body: Data(), offset: 0, length: photo.count)
                #expect(empty.status == 204)
                #expect(empty.header(WireProtocol.uploadOffsetHeader) == "0")
                #expect(try await HTTPClient.send("HEAD", url, token: token).status == 404)
            }
        }
    }
}
