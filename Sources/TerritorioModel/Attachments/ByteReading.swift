import Foundation

/// The order of the bytes of a multi-byte integer in a file.
enum Endianness: Sendable {
    case big, little
}

/// Bounds-checked reads from untrusted bytes. Every read that would leave the array gives nil,
/// so a hostile file can make the image parsers refuse it but never read out of range.
extension Array where Element == UInt8 {
    /// The unsigned integer of `size` bytes (0 through 8) at `offset`, or nil if any of its
    /// bytes is outside the array or the value does not fit in an `Int`.
    func integer(at offset: Int, size: Int, _ order: Endianness) -> Int? {
        guard (0...8).contains(size), offset >= 0, offset <= count - size else { return nil }
        var value: UInt64 = 0
        for index in 0..<size {
            let byte = UInt64(self[order == .big ? offset + index : offset + size - 1 - index])
            value = value << 8 | byte
        }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    /// The four ASCII characters at `offset` (a box, chunk or marker name), or nil.
    func fourCC(at offset: Int) -> String? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return String(decoding: self[offset..<offset + 4].map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    /// Whether `pattern` occurs at `offset`.
    func hasBytes(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= count - pattern.count else { return false }
        return self[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    /// Where `pattern` first occurs inside `range`, found with `memchr` so that megabytes of
    /// image data are searched quickly even in debug builds.
    func firstOffset(of pattern: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = pattern.first, range.lowerBound >= 0, range.upperBound <= count else { return nil }
        return withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var position = range.lowerBound
            while range.upperBound - position >= pattern.count {
                guard let found = memchr(base + position, Int32(first), range.upperBound - position) else { return nil }
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard range.upperBound - offset >= pattern.count else { return nil }
                if UnsafeBufferPointer(rebasing: buffer[offset..<offset + pattern.count]).elementsEqual(pattern) {
                    return offset
                }
                position = offset + 1
            }
            return nil
        }
    }

    /// Whether `other` holds the same bytes (compared with `memcmp`, fast even in debug builds).
    func hasSameBytes(as other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                guard let left = mine.baseAddress, let right = theirs.baseAddress else { return true }
                return memcmp(left, right, count) == 0
            }
        }
    }

    /// The bytes of `pieces` joined, for metadata that a container stores in several parts.
    func gathering(_ pieces: [Range<Int>]) -> [UInt8] {
        pieces.flatMap { self[$0] }
    }

    /// Writes `joined` back over `pieces` (the inverse of `gathering`), keeping every length.
    mutating func scattering(_ joined: [UInt8], over pieces: [Range<Int>]) {
        var position = 0
        for piece in pieces {
            replaceSubrange(piece, with: joined[position..<position + piece.count])
            position += piece.count
        }
    }

    /// Overwrites `range` with `byte`, keeping the length.
    mutating func fill(_ range: Range<Int>, with byte: UInt8) {
        guard range.lowerBound >= 0, range.upperBound <= count else { return }
        for index in range { self[index] = byte }
    }
}
