import TerritorioTestSupport

/// A valid PNG of about `bytes` bytes that the client accepts as a photo: the shared builder's
/// file with a comment of digits (no words the client reads as a location) to reach the size.
/// `seed` makes each photo's bytes different.
enum TestPhoto {
    static func png(seed: Int, bytes: Int = 4_000) -> [UInt8] {
        let digits = (0..<max(0, bytes - 120)).map { UInt8(ascii: "0") + UInt8(($0 + seed) % 10) }
        return PNGBuilder.bytes(width: 3 + seed % 7, height: 2 + seed % 5, seed: seed, chunks: PNGBuilder.comment(digits))
    }
}
