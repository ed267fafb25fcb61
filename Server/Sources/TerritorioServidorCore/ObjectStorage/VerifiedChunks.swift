import Crypto
import NIOConcurrencyHelpers
import NIOCore
import TerritorioWire

/// The bytes of one photo as they are composed at completion: stored pieces read back from the
/// store one after another, then the last bytes, read back from the file they waited in
/// (`SpooledBody`). Its SHA-256 is computed as it is read and checked against `sha256` before the
/// last chunk is handed on: a stream whose hash is wrong fails instead of ending, so the store
/// never completes an object from it. This is
/// also the `x-amz-content-sha256` the S3 store signs, so a wrong hash can never be signed.
public struct VerifiedChunks: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    /// One part of the photo, in order.
    public enum Source: Sendable {
        case stored(String)
        /// Bytes pulled as they arrive, read once.
        case arriving(AsyncThrowingStream<ByteBuffer, any Error>)
    }

    public let sources: [Source]
    public let length: Int64
    /// The SHA-256 the bytes must have, lowercase hex.
    public let sha256: String
    let store: any ObjectStore
    private let refused = NIOLockedValueBox(false)

    public init(_ sources: [Source], length: Int64, sha256: String, from store: any ObjectStore) {
        self.sources = sources
        self.length = length
        self.sha256 = sha256
        self.store = store
    }

    /// The bytes did not have the declared SHA-256 (or length).
    public struct Mismatch: Error {}

    /// Whether reading failed because the bytes were not the declared ones: a store whose HTTP
    /// client reports the failed body as its own error can still tell the caller why.
    var wasRefused: Bool { refused.withLockedValue { $0 } }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let chunks: VerifiedChunks
        var nextSource = 0
        var current: AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator?
        /// swift-crypto's, in assembly where the processor has SHA instructions: every byte a
        /// server receives passes here.
        var hasher = Crypto.SHA256()
        var seen: Int64 = 0

        public mutating func next() async throws -> ByteBuffer? {
            while true {
                if current != nil, let chunk = try await current!.next() {
                    return try check(chunk)
                }
                current = nil
                guard nextSource < chunks.sources.count else {
                    // No chunk at all (an empty body) still has a hash to check.
                    guard seen == chunks.length, seen > 0 || hex(hasher.finalize()) == chunks.sha256 else { throw refuse() }
                    return nil
                }
                let source = chunks.sources[nextSource]
                nextSource += 1
                switch source {
                case .stored(let name):
                    current = try await chunks.store.read(name).makeAsyncIterator()
                case .arriving(let stream):
                    current = stream.makeAsyncIterator()
                }
            }
        }

        private mutating func check(_ chunk: ByteBuffer) throws -> ByteBuffer {
            seen += Int64(chunk.readableBytes)
            guard seen <= chunks.length else { throw refuse() }
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            if seen == chunks.length, hex(hasher.finalize()) != chunks.sha256 { throw refuse() }
            return chunk
        }

        private func hex(_ digest: Crypto.SHA256.Digest) -> String {
            TerritorioWire.SHA256.hex(of: Array(digest))
        }

        private func refuse() -> Mismatch {
            chunks.refused.withLockedValue { $0 = true }
            return Mismatch()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: self)
    }

    /// Reads every byte only to check the hash (a photo the store already has): true when it
    /// holds. A store that fails to read throws.
    public func verify() async throws -> Bool {
        do {
            for try await _ in self {}
            return true
        } catch is Mismatch {
            return false
        }
    }
}
