/// A valid PNG of about `bytes` bytes that the client accepts as a photo: IHDR, a tEXt comment of
/// digits (no words the client reads as a location) to reach the size, one stored-zlib IDAT, IEND,
/// every chunk with its CRC-32. `seed` makes each photo's bytes different.
enum TestPhoto {
    static func png(seed: Int, bytes: Int = 4_000) -> [UInt8] {
        let width = 3 + seed % 7, height = 2 + seed % 5
        var rows: [UInt8] = []
        for row in 0..<height {
            rows.append(0)
            for column in 0..<width { rows += [UInt8(truncatingIfNeeded: row * 37 + seed), UInt8(truncatingIfNeeded: column * 59), 0x80] }
        }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in rows { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        let length = UInt16(rows.count)
        let zlib = [0x78, 0x01, 0x01, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            + rows + be32(b << 16 | a)
        let padding = max(0, bytes - 120)
        let digits = (0..<padding).map { UInt8(ascii: "0") + UInt8(($0 + seed) % 10) }
        return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
            + chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0])
            + chunk("tEXt", Array("Comment".utf8) + [0] + digits)
            + chunk("IDAT", zlib)
            + chunk("IEND", [])
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

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return ~crc
    }
}
