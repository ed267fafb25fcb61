import NIOCore

/// Where photo bytes live: an S3-compatible bucket or a local folder. PostgreSQL keeps only the
/// names. Names are chosen by the server and never reused, so an object is written once and
/// never changed: nothing here needs to update bytes in place.
public protocol ObjectStore: Sendable {
    /// Stores `bytes` under `name`.
    func put(_ name: String, bytes: ByteBuffer) async throws

    /// Stores `length` bytes read from `chunks` under `name`, one chunk in memory at a time.
    /// The chunks are a `VerifiedChunks`: when their SHA-256 is not the one declared, reading
    /// them fails before the last byte, and nothing is stored under `name`.
    func put(_ name: String, chunks: VerifiedChunks) async throws

    /// The object's bytes, pulled chunk by chunk.
    func read(_ name: String) async throws -> AsyncThrowingStream<ByteBuffer, any Error>

    /// The object's size, or nil when there is none by that name.
    func size(of name: String) async throws -> Int64?

    /// Removes the object; one already gone is not an error.
    func delete(_ name: String) async throws

    /// Fails with a message naming the store when it cannot be used.
    func check() async throws

    /// Where the store is, for messages.
    var description: String { get }
}

/// The store refused or failed a request.
public struct ObjectStoreFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
