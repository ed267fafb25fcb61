/// The pace of one photo's upload: where it stands on the server and the rate measured so far,
/// from which the next request's piece is sized: what the rate sends in a third of the stall
/// limit, so each piece finishes — and its answer comes — well within the limit (on a fast link,
/// the whole rest). The first piece, before any rate is known, is what a 2G link of 2 000 B/s
/// sends in the limit (at most 64 KiB). Pieces stay small for a reason: a request cut by the limit
/// does not take back what the socket buffers already hold, which keeps reaching the server after
/// the client gave up; a small piece drains in seconds.
struct UploadPace {
    let size: Int
    /// The bytes the server confirmed.
    private(set) var offset: Int
    let stallSeconds: Int
    /// Bytes per second the last piece moved, or nil before one did.
    private(set) var bytesPerSecond: Double?

    /// Pieces smaller than this cost more in headers and round trips than they carry.
    static let smallestPiece = 16 * 1024

    init(size: Int, offset: Int, stallSeconds: Int) {
        self.size = size
        self.offset = offset
        self.stallSeconds = stallSeconds
    }

    /// The bytes of the next request.
    var nextPiece: Range<Int> {
        let length = bytesPerSecond.map { Int(min($0 * Double(stallSeconds) / 3, Double(size))) }
            ?? min(Self.firstPiece, stallSeconds * Self.slowestRate)
        return offset..<min(size, offset + max(Self.smallestPiece, length))
    }

    /// The first piece's ceiling, and the rate it assumes (2G at its slowest, bytes per second).
    static let firstPiece = 64 * 1024
    static let slowestRate = 2_000

    /// The server now holds `newOffset` bytes, `duration` after the request began.
    mutating func advance(to newOffset: Int, taking duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if newOffset > offset, seconds > 0 { bytesPerSecond = Double(newOffset - offset) / seconds }
        offset = newOffset
    }

    /// The server holds another offset than this upload believed (`409`): go on from there.
    mutating func restart(at newOffset: Int) {
        offset = newOffset
    }
}
