import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// Uploads belong to the gestor who sends them: another gestor's bytes or lengths under the
    /// same hash never touch them, and a photo is absent to whoever has not sent it — while the
    /// store keeps one copy.
    @Suite struct SubidasPorGestor {
        static func patch(_ url: URL, token: String, body: Data, offset: Int, length: Int) async throws -> HTTPResult {
            try await HTTPClient.send("PATCH", url, token: token, body: body, headers: [
                "Content-Type": WireProtocol.uploadContentType,
                WireProtocol.uploadOffsetHeader: String(offset),
                WireProtocol.uploadLengthHeader: String(length),
            ])
        }

        static func count(_ query: String, _ server: TestServer) async throws -> Int64 {
            let rows = try await server.database.client.query(PostgresQuery(unsafeSQL: query), logger: server.database.logger)
            for try await count in rows.decode(Int64.self) { return count }
            return 0
        }

        @Test func anotherGestorsGarbageOrLengthUnderTheSameHashDoesNotTouchAnUpload() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let beto = try await server.tokens.create(gestor: "Beto")
                let photo = Fixtures.photo("de-ana", bytes: 50_000)
                let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))

                #expect(try await Self.patch(url, token: ana, body: photo.prefix(20_000), offset: 0, length: photo.count).status == 204)
                // Beto, under Ana's hash: another length, then garbage of the right length.
                let otherLength = try await Self.patch(url, token: beto, body: Data(repeating: 7, count: 1_000), offset: 0, length: 90_000)
                #expect(otherLength.status == 204, "Beto's upload is his own")
                let garbage = try await Self.patch(url, token: beto, body: Data(repeating: 9, count: photo.count), offset: 0, length: photo.count)
                #expect(garbage.status == 400, "his garbage is refused at completion: \(garbage.status)")
                #expect(garbage.problem?.type == ProblemType.digestMismatch)

                let anasHead = try await HTTPClient.send("HEAD", url, token: ana)
                #expect(anasHead.status == 404)
                #expect(anasHead.header(WireProtocol.uploadOffsetHeader) == "20000", "Ana's bytes are where she left them")
                let rest = try await Self.patch(url, token: ana, body: photo.suffix(from: 20_000), offset: 20_000, length: photo.count)
                #expect(rest.status == 201)
                #expect(try await HTTPClient.send("HEAD", url, token: ana).status == 200)

                let betosHead = try await HTTPClient.send("HEAD", url, token: beto)
                #expect(betosHead.status == 404, "a photo Beto never sent is absent to him")
                #expect(betosHead.header(WireProtocol.uploadOffsetHeader) == "0")
                let betosNovedadID = Fixtures.newID()
                let betosNovedad = try await HTTPClient.send("PUT", server.url(WireProtocol.novedadPath(id: betosNovedadID)), token: beto,
                                                             body: Fixtures.novedad(id: betosNovedadID, attachments: [photo]),
                                                             headers: ["Content-Type": "application/json"])
                #expect(betosNovedad.status == 409)
                #expect(betosNovedad.problem?.faltantes == [Fixtures.sha256(photo)], "missing attachments are judged per gestor")

                // Beto sends the real bytes: read whole, checked, 201 — and stored once.
                let betosPhoto = try await Self.patch(url, token: beto, body: photo, offset: 0, length: photo.count)
                #expect(betosPhoto.status == 201)
                #expect(try await HTTPClient.send("HEAD", url, token: beto).status == 200)
                #expect(try await Self.count("SELECT count(*) FROM adjuntos", server) == 1)
                #expect(try await Self.count("SELECT count(*) FROM adjuntos_gestores", server) == 2)
                #expect(try await Self.count("SELECT count(*) FROM objetos WHERE nombre LIKE 'fotos/%'", server) == 1)
                #expect(try await TestObjects.photo(Fixtures.sha256(photo), database: server.database) == Array(photo))
            }
        }

        @Test func theCapOnIncompleteUploadsAnswers507AndExpiryFreesTheSpace() async throws {
            let limits = ServerLimits(bytesInIncompleteUploads: 100_000)
            try await TestServer.run(limits: limits) { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let beto = try await server.tokens.create(gestor: "Beto")
                let first = Fixtures.photo("primera", bytes: 200_000)
                let second = Fixtures.photo("segunda", bytes: 200_000)
                let firstURL = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(first)))
                let secondURL = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(second)))

                #expect(try await Self.patch(firstURL, token: ana, body: first.prefix(60_000), offset: 0, length: first.count).status == 204)
                let full = try await Self.patch(secondURL, token: ana, body: second.prefix(60_000), offset: 0, length: second.count)
                #expect(full.status == 507)
                #expect(full.header("Content-Type") == "application/problem+json")
                #expect(full.problem?.type == ProblemType.uploadSpaceFull)
                #expect(full.header("Retry-After") != nil)
                #expect(try await Self.patch(secondURL, token: beto, body: second.prefix(60_000), offset: 0, length: second.count).status == 204,
                        "the cap is each gestor's own")
                let piece = try #require(try await Self.pieces(server).first)
                #expect(try await server.objects.size(of: piece) == 60_000)

                // A week later the incomplete uploads expire, their pieces leave the store.
                _ = try await server.database.client.query("UPDATE subidas SET actualizada_en = now() - interval '8 days'", logger: server.database.logger)
                let outcome = try await Maintenance(database: server.database, objects: server.objects).run()
                #expect(outcome.expiredUploads == 2)
                #expect(outcome.deletedObjects == 2)
                #expect(try await server.objects.size(of: piece) == nil, "the expired piece's bytes are gone from the store")
                #expect(try await Self.count("SELECT count(*) FROM objetos", server) == 0)
                #expect(try await Self.patch(secondURL, token: ana, body: second.prefix(60_000), offset: 0, length: second.count).status == 204,
                        "the space is free again")
            }
        }

        @Test func photosNoNovedadNamesAreCollectedAfterAWeekAndNamedOnesKept() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let named = Fixtures.photo("nombrada", bytes: 30_000)
                let orphan = Fixtures.photo("huerfana", bytes: 30_000)
                for photo in [named, orphan] {
                    let url = server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                    #expect(try await HTTPClient.send("PUT", url, token: ana, body: photo).status == 201)
                }
                let id = Fixtures.newID()
                let novedad = try await HTTPClient.send("PUT", server.url(WireProtocol.novedadPath(id: id)), token: ana,
                                                        body: Fixtures.novedad(id: id, attachments: [named]), headers: ["Content-Type": "application/json"])
                #expect(novedad.status == 201)
                let orphanObject = try #require(try await AttachmentStore(database: server.database).object(of: Fixtures.sha256(orphan)))

                let early = try await Maintenance(database: server.database, objects: server.objects).run()
                #expect(early.collectedPhotos == 0, "a photo sent today may still be named by its novedad")

                for table in ["adjuntos", "adjuntos_gestores"] {
                    _ = try await server.database.client.query(PostgresQuery(unsafeSQL: "UPDATE \(table) SET recibido_en = now() - interval '8 days'"),
                                                               logger: server.database.logger)
                }
                let late = try await Maintenance(database: server.database, objects: server.objects).run()
                #expect(late.collectedPhotos == 1)
                #expect(try await server.objects.size(of: orphanObject) == nil)
                #expect(try await TestObjects.photo(Fixtures.sha256(named), database: server.database) == Array(named))
                #expect(try await HTTPClient.send("HEAD", server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(orphan))), token: ana).status == 404)
            }
        }

        static func pieces(_ server: TestServer) async throws -> [String] {
            let rows = try await server.database.client.query("SELECT objeto FROM subida_piezas ORDER BY objeto", logger: server.database.logger)
            var names: [String] = []
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        }
    }
}
