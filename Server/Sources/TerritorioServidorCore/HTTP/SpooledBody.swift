import Crypto
import Foundation
import NIOCore
import TerritorioWire

/// The bytes of a `PATCH` not yet stored as a piece, or of a whole-photo `PUT`, kept in a file no
/// one else can open (it is unlinked as soon as it is created) rather than in memory: a
/// connection is read as fast as it delivers, memory per upload in flight is one chunk, a store
/// request starts only once its bytes are all here (never waiting on a gestor's slow link), and
/// what arrived before a connection failed is still there to be kept. Their SHA-256 is computed
/// only when they are stored as a piece: the bytes that complete a photo are hashed once, with the
/// whole photo, on their way out.
final class SpooledBody: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes held now.
    private(set) var count: Int64 = 0
    /// Bytes read back per chunk: one of these per store request in flight is the memory an
    /// upload costs while it is written to the store.
    static let chunkSize = 64 * 1024

    init() throws {
        var template = Array((NSTemporaryDirectory() + "territorio-cuerpo.XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure("crear un archivo temporal en \(NSTemporaryDirectory())") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit {
        close(descriptor)
    }

    func append(_ bytes: ByteBuffer) throws {
        try bytes.withUnsafeReadableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(count) + off_t(done))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure("escribir el cuerpo recibido en un archivo temporal")
                }
                done += written
            }
        }
        count += Int64(bytes.readableBytes)
    }

    /// The SHA-256 of the bytes held, lowercase hex, read back from the file.
    func sha256() throws -> String {
        let reader = Reader(body: self, end: count)
        var hasher = Crypto.SHA256()
        while let chunk = try reader.next() {
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        }
        return TerritorioWire.SHA256.hex(of: Array(hasher.finalize()))
    }

    /// The bytes held, read back a chunk at a time. Read them before `clear()`.
    func chunks() -> AsyncThrowingStream<ByteBuffer, any Error> {
        let reader = Reader(body: self, end: count)
        return AsyncThrowingStream(unfolding: { try reader.next() })
    }

    /// Where one reading of the file is.
    private final class Reader: @unchecked Sendable {
        let body: SpooledBody
        let end: Int64
        var position: Int64 = 0

        init(body: SpooledBody, end: Int64) {
            self.body = body
            self.end = end
        }

        func next() throws -> ByteBuffer? {
            guard position < end else { return nil }
            let size = Int(min(Int64(SpooledBody.chunkSize), end - position))
            var chunk = ByteBuffer()
            let read = try chunk.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { buffer in
                let read = pread(body.descriptor, buffer.baseAddress!, size, off_t(position))
                guard read > 0 else { throw SpooledBody.failure("leer el cuerpo recibido de su archivo temporal") }
                return read
            }
            position += Int64(read)
            return chunk
        }
    }

    /// Forgets the bytes held (they were stored): the file starts over.
    func clear() throws {
        guard ftruncate(descriptor, 0) == 0 else { throw Self.failure("vaciar el archivo temporal del cuerpo") }
        count = 0
    }

    private static func failure(_ action: String) -> ServerFailure {
        ServerFailure("No se pudo \(action): \(String(cString: strerror(errno))).")
    }
}
