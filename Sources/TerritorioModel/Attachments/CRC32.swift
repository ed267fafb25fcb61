/// The CRC-32 that PNG puts after every chunk (ISO 3309, the one zlib computes): checked to refuse
/// damaged files, and recomputed for a chunk whose location metadata was blanked.
enum CRC32 {
    /// The CRC-32 of `bytes[range]`.
    static func checksum(_ bytes: [UInt8], in range: Range<Int>) -> UInt32 {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "CRC range outside the bytes")
        var crc: UInt32 = 0xffff_ffff
        bytes.withUnsafeBufferPointer { buffer in
            table.withUnsafeBufferPointer { entries in
                guard let base = buffer.baseAddress, let lookup = entries.baseAddress else { return }
                var index = range.lowerBound
                while index < range.upperBound {
                    crc = lookup[Int((crc ^ UInt32(base[index])) & 0xff)] ^ (crc &>> 8)
                    index &+= 1
                }
            }
        }
        return crc ^ 0xffff_ffff
    }

    private static let table: [UInt32] = (0..<256).map { (entry: UInt32) in
        var value = entry
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xedb8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
