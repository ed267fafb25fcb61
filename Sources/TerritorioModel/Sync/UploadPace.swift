/// The pace of one photo's upload: where it stands on the server and the rate measured so far,
/// from which the next request's piece is sized. Until a rate is known a request carries the whole
/// rest (on a fast link, one request, as before); after that, what the rate sends in a third of the
/// stall limit, so each piece finishes — and its answer comes — well within the limit.
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
        guard let rate = bytesPerSecond else { return offset..<size }
        let length = max(Self.smallestPiece, Int(rate * Double(stallSeconds) / 3))
        return offset..<min(size, offset + length)
    }

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
