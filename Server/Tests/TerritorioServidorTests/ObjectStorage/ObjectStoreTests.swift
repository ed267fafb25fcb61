import Foundation
import NIOCore
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

extension ServidorReal {
    /// The object store the server runs on (SeaweedFS under scripts/s3-temporal, where every
    /// request's signature is checked; else a folder), used directly.
    @Suite struct AlmacenDeObjetos {
        static func store() throws -> any ObjectStore {
            try TestObjects.store(named: "almacen-" + UUID().uuidString.lowercased())
        }

        static func bytes(_ count: Int, seed: UInt8) -> ByteBuffer {
            ByteBuffer(bytes: (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) })
        }

        @Test func objectsAreStoredReadSizedAndDeletedUnderAnyName() async throws {
            let store = try Self.store()
            try await store.check()
            let name = "pruebas/\(UUID().uuidString)/una foto ñ 100%+$.jpg"
            let bytes = Self.bytes(700_000, seed: 3)
            try await store.put(name, bytes: bytes)
            #expect(try await store.size(of: name) == 700_000)
            #expect(try await TestObjects.bytes(of: name, in: store) == Array(bytes.readableBytesView))
            try await store.delete(name)
            #expect(try await store.size(of: name) == nil)
            try await store.delete(name)  // already gone: not an error
        }

        /// A photo composed from stored pieces and the last bytes in memory is stored byte for
        /// byte; with a wrong declared SHA-256 the same stream is refused by the sender itself
        /// (SeaweedFS would not check it) and nothing is stored.
        @Test func composedPhotoIsStoredOnlyWhenItsSHA256IsTheDeclaredOne() async throws {
            let store = try Self.store()
            let pieces = [Self.bytes(300_000, seed: 1), Self.bytes(250_000, seed: 2)]
            let last = Self.bytes(123_456, seed: 4)
            var whole = ByteBuffer()
            for piece in pieces + [last] { whole.writeImmutableBuffer(piece) }
            let sha256 = SHA256.hex(of: SHA256.digest(of: Array(whole.readableBytesView)))
            var names: [String] = []
            for piece in pieces {
                let name = "pruebas/piezas/" + UUID().uuidString
                try await store.put(name, bytes: piece)
                names.append(name)
            }
            // The pieces, then the last bytes as a stream read once: a new list for each use.
            var sources: [VerifiedChunks.Source] {
                names.map { .stored($0) } + [.arriving(AsyncThrowingStream { $0.yield(last); $0.finish() })]
            }

            let wrong = "pruebas/fotos/" + UUID().uuidString
            let wrongHash = String(sha256.reversed())
            await #expect(throws: VerifiedChunks.Mismatch.self) {
                try await store.put(wrong, chunks: VerifiedChunks(sources, length: Int64(whole.readableBytes), sha256: wrongHash, from: store))
            }
            #expect(try await store.size(of: wrong) == nil, "nothing is stored under a wrong payload hash")
            let short = "pruebas/fotos/" + UUID().uuidString
            await #expect(throws: (any Error).self) {
                try await store.put(short, chunks: VerifiedChunks(Array(sources.dropLast()), length: Int64(whole.readableBytes), sha256: sha256, from: store))
            }
            #expect(try await store.size(of: short) == nil, "nor from a stream shorter than announced")

            let right = "pruebas/fotos/" + UUID().uuidString
            try await store.put(right, chunks: VerifiedChunks(sources, length: Int64(whole.readableBytes), sha256: sha256, from: store))
            #expect(try await TestObjects.bytes(of: right, in: store) == Array(whole.readableBytesView))
            for name in names + [right] { try await store.delete(name) }
        }

        /// Stores of different names (S3 key prefixes or folders, as each test database gets)
        /// never see or delete each other's objects, and a name nests inside its parent's.
        @Test func storesOfOtherNamesAreApartAndANestedOneLiesInsideItsParent() async throws {
            let parent = "almacen-" + UUID().uuidString.lowercased()
            let one = try TestObjects.store(named: parent + "/uno")
            let other = try TestObjects.store(named: parent + "/otro")
            let name = "fotos/" + UUID().uuidString.lowercased()
            let bytes = Self.bytes(10_000, seed: 5)
            try await one.put(name, bytes: bytes)
            #expect(try await other.size(of: name) == nil)
            try await other.delete(name)
            #expect(try await TestObjects.bytes(of: name, in: one) == Array(bytes.readableBytesView))
            #expect(try await TestObjects.bytes(of: "uno/" + name, in: try TestObjects.store(named: parent)) == Array(bytes.readableBytesView))
            try await one.delete(name)
        }

        @Test func aStoreThatCannotBeUsedIsNamedWhenChecked() async throws {
            let folder = FolderObjectStore(root: "/dev/null/adjuntos")
            let unusable = await #expect(throws: ObjectStoreFailure.self) { try await folder.check() }
            #expect(unusable?.description.contains("/dev/null/adjuntos") == true)

            let environment = ProcessInfo.processInfo.environment
            guard TestObjects.usesS3, let url = environment["TERRITORIO_S3_URL"].flatMap(URL.init(string:)) else { return }
            let missing = S3ObjectStore(endpoint: url, bucket: "no-existe-\(UUID().uuidString.prefix(8).lowercased())", region: "us-east-1",
                                        accessKey: environment["TERRITORIO_S3_ACCESS_KEY"] ?? "", secretKey: environment["TERRITORIO_S3_SECRET_KEY"] ?? "")
            let failure = await #expect(throws: ObjectStoreFailure.self) { try await missing.check() }
            #expect(failure?.description.contains(missing.bucket) == true)
            let unreachable = S3ObjectStore(endpoint: URL(string: "http://127.0.0.1:1")!, bucket: "territorio", region: "us-east-1",
                                            accessKey: "a", secretKey: "b")
            let refused = await #expect(throws: ObjectStoreFailure.self) { try await unreachable.check() }
            #expect(refused?.description.contains("territorio") == true)
            let forged = S3ObjectStore(endpoint: url, bucket: environment["TERRITORIO_S3_BUCKET"] ?? "", region: "us-east-1",
                                       accessKey: environment["TERRITORIO_S3_ACCESS_KEY"] ?? "", secretKey: "no-es-la-clave")
            let refusal = await #expect(throws: ObjectStoreFailure.self) { try await forged.put("pruebas/firma-falsa", bytes: Self.bytes(10, seed: 1)) }
            #expect(refusal?.description.contains("SignatureDoesNotMatch") == true, "S3's error code: \(String(describing: refusal))")
            #expect(refusal?.description.contains("<") == false, "not the XML document: \(String(describing: refusal))")
        }
    }
}
