/// Minimal well-formed baseline JPEG files for the interface tests (the model's image builders
/// live in the other test target): SOI, JFIF, a quantisation table, the frame header with the
/// declared size, a Huffman table, one scan of entropy-coded bytes and EOI. The picture is noise,
/// but every marker segment is where a decoder and the model's inspector expect it.
enum TinyJPEG {
    static func bytes(width: Int, height: Int, scanBytes: Int = 2_000) -> [UInt8] {
        var bytes: [UInt8] = [0xff, 0xd8]
        bytes += segment(0xe0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        bytes += segment(0xdb, [0x00] + (1...64).map { UInt8($0) })
        bytes += segment(0xc0, [8, UInt8(height >> 8), UInt8(height & 0xff), UInt8(width >> 8), UInt8(width & 0xff),
                                1, 1, 0x11, 0])
        bytes += segment(0xc4, [0x00, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] + (0...11).map { UInt8($0) })
        bytes += segment(0xda, [1, 1, 0x00, 0, 63, 0])
        // Entropy-coded data never holds a bare 0xFF: these bytes stay below it.
        bytes += (0..<scanBytes).map { UInt8(truncatingIfNeeded: $0 * 73 + 11) & 0x7f }
        bytes += [0xff, 0xd9]
        return bytes
    }

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xff, marker, UInt8(length >> 8), UInt8(length & 0xff)] + payload
    }
}
