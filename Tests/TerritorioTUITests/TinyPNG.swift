/// Minimal valid PNG files for the command-line tests (the model's image builders live in the
/// other test target): IHDR, optionally a tEXt chunk of `padding` bytes to make the file big, one
/// IDAT holding a stored zlib block of RGB rows, and IEND — every chunk with its CRC-32.
enum TinyPNG {
    static func bytes(width: Int, height: Int, padding: Int = 0) -> [UInt8] {
        var rows: [UInt8] = []
        for row in 0..<height {
            rows.append(0)  // filter: none
            for column in 0..<width { rows += [UInt8(truncatingIfNeeded: row * 37), UInt8(truncatingIfNeeded: column * 59), 0x80] }
        }
        precondition(rows.count <= 0xffff, "one stored block")
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in rows { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        let length = UInt16(rows.count)
        let zlib = [0x78, 0x01, 0x01, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            + rows + be32(b << 16 | a)
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        png += chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0])
        if padding > 0 { png += chunk("tEXt", Array("Comment".utf8) + [0] + [UInt8](repeating: 0x2e, count: padding)) }
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    private static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { crc, _ in crc & 1 == 1 ? 0xedb8_8320 ^ (crc >> 1) : crc >> 1 }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(0xffff_ffff as UInt32) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    }
}
