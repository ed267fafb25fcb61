import NIOCore

/// A store's HTTP response body as the stream `VerifiedChunks` pulls from, one chunk at a time:
/// nothing is read ahead.
enum PulledChunks {
    static func stream<Iterator: AsyncIteratorProtocol>(_ iterator: Iterator) -> AsyncThrowingStream<ByteBuffer, any Error>
    where Iterator.Element == ByteBuffer, Iterator: SendableMetatype {
        let box = Box(iterator)
        return AsyncThrowingStream(unfolding: { try await box.next() })
    }

    /// The iterator behind a reference, so the stream's `@Sendable` closure can advance it; the
    /// stream calls it from one task at a time.
    private final class Box<Iterator: AsyncIteratorProtocol>: @unchecked Sendable where Iterator.Element == ByteBuffer, Iterator: SendableMetatype {
        var iterator: Iterator

        init(_ iterator: Iterator) {
            self.iterator = iterator
        }

        func next() async throws -> ByteBuffer? {
            try await iterator.next()
        }
    }
}
