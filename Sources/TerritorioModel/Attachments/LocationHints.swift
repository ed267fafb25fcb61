/// Byte patterns that betray metadata able to hold a location (an Exif or TIFF header, XMP,
/// words like latitude, a QuickTime or 3GPP location box). Blocks the remover does not know how
/// to clean are searched for them: a match means the block cannot be kept as it is.
enum LocationHints {
    static func mayHoldLocation(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        patterns.contains { bytes.firstOffset(of: $0, in: range) != nil }
    }

    private static let patterns: [[UInt8]] = [
        Array("Exif\u{0}".utf8), [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], Array("xmpmeta".utf8),
        Array("atitude".utf8), Array("ongitude".utf8), [0xa9, 0x78, 0x79, 0x7a], Array("loci".utf8),
    ]
}
