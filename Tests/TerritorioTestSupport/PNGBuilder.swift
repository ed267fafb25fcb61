/// Small valid PNG files built in code, for the tests of both packages: IHDR, the chunks a test
/// adds, one IDAT holding a stored zlib block of RGB rows, and IEND — every chunk with its CRC-32,
/// computed here and not by the code under test.
public enum PNGBuilder {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    /// A `width`×`height` PNG with `chunks` (whole chunks, see `chunk`) between IHDR and IDAT;
    /// `seed` makes the pixels, and so the bytes, differ between files of the same size.
    public static func bytes(width: Int, height: Int, seed: Int = 0, chunks: [UInt8] = []) -> [UInt8] {
        signature + header(width: width, height: height) + chunks
            + chunk("IDAT", imageData(width: width, height: height, seed: seed)) + chunk("IEND", [])
    }

    /// A chunk: length, type, data and the CRC-32 of type and data.
    public static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// The IHDR chunk of an 8-bit RGB image.
    public static func header(width: Int, height: Int) -> [UInt8] {
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
    }

    /// A tEXt chunk «Comment» holding `text`.
    public static func comment(_ text: [UInt8]) -> [UInt8] {
        chunk("tEXt", Array("Comment".utf8) + [0] + text)
    }

    /// A comment of `count` dots that makes a file big, or nothing when `count` is 0.
    public static func padding(_ count: Int) -> [UInt8] {
        count > 0 ? comment([UInt8](repeating: 0x2e, count: count)) : []
    }

    /// IDAT's data: a zlib stream of one stored block holding the rows (filter byte 0, then RGB).
    public static func imageData(width: Int, height: Int, seed: Int = 0) -> [UInt8] {
        var rows: [UInt8] = []
        for row in 0..<height {
            rows.append(0)  // filter: none
            for column in 0..<width {
                rows += [UInt8(truncatingIfNeeded: row * 37 + seed), UInt8(truncatingIfNeeded: column * 59), 0x80]
            }
        }
        precondition(rows.count <= 0xffff, "one stored block")
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in rows { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        let length = UInt16(rows.count)
        return [0x78, 0x01, 0x01, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            + rows + bigEndian(b << 16 | a)
    }

    /// The CRC-32 of ISO 3309 that PNG puts after every chunk.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(0xffff_ffff as UInt32) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xedb8_8320 ^ (crc >> 1) : crc >> 1 }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
