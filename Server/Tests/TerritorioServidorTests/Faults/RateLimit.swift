import NIOCore

/// One direction of a throttled connection: bytes leave no faster than `bytesPerSecond`, in
/// slices of a tenth of a second, with no credit saved while the connection is idle — a slow link
/// (2G/EDGE in a rural vereda) as the client really meets it. While the proxy waits it reads no
/// more, so the sender's socket buffers fill and it is held back by TCP itself.
struct RateLimit {
    let bytesPerSecond: Int
    private var next = ContinuousClock.now

    init(bytesPerSecond: Int) {
        self.bytesPerSecond = bytesPerSecond
    }

    /// Hands `chunk` to `write` at this pace.
    mutating func pass(_ chunk: ByteBuffer, to write: (ByteBuffer) async throws -> Void) async throws {
        var rest = chunk
        let slice = max(1, bytesPerSecond / 10)
        while rest.readableBytes > 0, let part = rest.readSlice(length: min(slice, rest.readableBytes)) {
            let now = ContinuousClock.now
            if next > now { try await Task.sleep(until: next, clock: .continuous) }
            next = max(next, now) + .nanoseconds(Int64(part.readableBytes) * 1_000_000_000 / Int64(bytesPerSecond))
            try await write(part)
        }
    }
}
