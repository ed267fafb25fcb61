/// Small well-formed baseline JPEG files built in code, for the tests of both packages: SOI, the
/// segments a test adds (Exif, XMP, comments…), a quantisation table, the frame header with the
/// declared size, a Huffman table, one scan of entropy-coded bytes and EOI. The picture is noise,
/// but every marker segment is where a decoder and the model's inspector expect it.
public enum JPEGBuilder {
    /// A `width`×`height` JPEG with `segments` after SOI and `scanBytes` bytes of scan data.
    public static func bytes(width: Int, height: Int, segments: [UInt8] = [], scanBytes: Int = 2_000) -> [UInt8] {
        [0xff, 0xd8] + segments + frame(width: width, height: height)
            + scan(scanData(count: scanBytes, seed: UInt64(width * 31 + height)))
    }

    /// A marker segment: 0xFF, the marker, the length (counting itself) and the payload.
    public static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xff, marker, UInt8(length >> 8), UInt8(length & 0xff)] + payload
    }

    /// What stands between the metadata and the scan: DQT, SOF0 (three components) and DHT.
    public static func frame(width: Int, height: Int) -> [UInt8] {
        segment(0xdb, [0x00] + (1...64).map { UInt8($0) })
            + segment(0xc0, [8, UInt8(height >> 8), UInt8(height & 0xff), UInt8(width >> 8), UInt8(width & 0xff),
                             3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0])
            + segment(0xc4, [0x00, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] + (0...11).map { UInt8($0) })
    }

    /// SOS, the entropy-coded `data`, EOI: the image data, which removing metadata leaves alone.
    public static func scan(_ data: [UInt8]) -> [UInt8] {
        segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]) + data + [0xff, 0xd9]
    }

    /// About `count` entropy-coded bytes, varied by `seed`: every 0xFF stuffed with 0x00, and a
    /// restart marker halfway, as a camera writes them.
    public static func scanData(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var data: [UInt8] = []
        data.reserveCapacity(count + 8)
        while data.count < count {
            // SplitMix64: the same bytes on every machine and every run.
            state &+= 0x9e37_79b9_7f4a_7c15
            var mixed = (state ^ (state >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            let byte = UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
            data.append(byte)
            if byte == 0xff { data.append(0x00) }
            if data.count == count / 2 { data += [0xff, 0xd0] }
        }
        return data
    }
}
