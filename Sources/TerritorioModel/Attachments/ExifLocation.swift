/// Removes the GPS block from Exif metadata (a TIFF structure) without moving anything else, so
/// every offset in the file stays valid: the GPSInfo entry is taken out of the directory that
/// points to it (the entries after it move up, the freed 12 bytes become zeros), and the GPS
/// directory with all the values it points to is overwritten with zeros at the same length.
/// Both byte orders (II and MM) are handled; every offset is checked against the Exif bounds.
enum ExifLocation {
    /// Removes GPS from the TIFF structure occupying `tiff` in `bytes`. Throws
    /// `.locationNotRemovable(format, .malformedExif)` when the structure cannot be followed,
    /// because then nobody can be sure the location is gone.
    static func removeGPS(from bytes: inout [UInt8], tiff: Range<Int>, format: ImageFormat) throws {
        var exif = TIFFData(bytes: Array(bytes[tiff]), format: format)
        try exif.removeGPS()
        bytes.replaceSubrange(tiff, with: exif.bytes)
    }
}

/// A TIFF structure being edited: offsets are relative to its header, as Exif defines them.
private struct TIFFData {
    var bytes: [UInt8]
    let format: ImageFormat

    /// One 12-byte directory entry, kept raw so it can be written back unchanged.
    struct Entry {
        let tag: Int
        let type: Int
        let count: Int
        /// Where the entry's 4-byte value (or offset to the value) is.
        let valueField: Int
        let raw: ArraySlice<UInt8>
    }

    struct Directory {
        let offset: Int
        let entries: [Entry]
        let rawNext: ArraySlice<UInt8>
        let next: Int
        /// Count field, entries and next-directory offset.
        var range: Range<Int> { offset..<offset + 2 + 12 * entries.count + 4 }
    }

    private static let gpsInfoTag = 0x8825, exifTag = 0x8769, interoperabilityTag = 0xa005, xmpTag = 0x02bc
    /// Bytes per value of each TIFF field type (BYTE, ASCII, SHORT, LONG, RATIONAL, SBYTE,
    /// UNDEFINED, SSHORT, SLONG, SRATIONAL, FLOAT, DOUBLE, IFD).
    private static let typeSizes = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4]

    private var malformed: ImageError { .locationNotRemovable(format, .malformedExif) }

    mutating func removeGPS() throws {
        let order: Endianness
        if bytes.hasBytes([0x49, 0x49], at: 0) {
            order = .little
        } else if bytes.hasBytes([0x4d, 0x4d], at: 0) {
            order = .big
        } else {
            throw malformed
        }
        guard bytes.integer(at: 2, size: 2, order) == 42, let firstDirectory = bytes.integer(at: 4, size: 4, order) else {
            throw malformed
        }

        // Read everything first, then edit: the plan never depends on bytes already changed.
        var pending: [(offset: Int, followsNext: Bool)] = [(firstDirectory, true)]
        var visited: Set<Int> = []
        var pointingToGPS: [Directory] = []
        var gpsDirectories: Set<Int> = []
        var xmpPackets: [Range<Int>] = []
        while let next = pending.popLast() {
            guard next.offset != 0, visited.insert(next.offset).inserted else { continue }
            guard visited.count <= 64 else { throw malformed }
            let directory = try self.directory(at: next.offset, order)
            for entry in directory.entries {
                switch entry.tag {
                case Self.gpsInfoTag:
                    gpsDirectories.insert(try pointer(in: entry, order))
                case Self.exifTag, Self.interoperabilityTag:
                    pending.append((try pointer(in: entry, order), false))
                case Self.xmpTag:
                    xmpPackets.append(try valueRange(of: entry, order))
                default:
                    break
                }
            }
            if directory.entries.contains(where: { $0.tag == Self.gpsInfoTag }) { pointingToGPS.append(directory) }
            if next.followsNext { pending.append((directory.next, true)) }
        }
        var blanked: [Range<Int>] = []
        for offset in gpsDirectories where offset != 0 {
            let gps = try directory(at: offset, order)
            blanked.append(gps.range)
            for entry in gps.entries { blanked.append(try valueRange(of: entry, order)) }
        }

        for range in blanked { bytes.fill(range, with: 0) }
        for directory in pointingToGPS { rewrite(directory, without: Self.gpsInfoTag, order) }
        for packet in xmpPackets { try XMPLocation.blank(&bytes, in: packet, format: format) }
    }

    /// The directory at `offset`; it must fit entirely inside the Exif data.
    private func directory(at offset: Int, _ order: Endianness) throws -> Directory {
        guard let count = bytes.integer(at: offset, size: 2, order) else { throw malformed }
        let nextField = offset + 2 + 12 * count
        guard let next = bytes.integer(at: nextField, size: 4, order) else { throw malformed }
        var entries: [Entry] = []
        for index in 0..<count {
            let start = offset + 2 + 12 * index
            guard let tag = bytes.integer(at: start, size: 2, order), let type = bytes.integer(at: start + 2, size: 2, order),
                  let valueCount = bytes.integer(at: start + 4, size: 4, order)
            else { throw malformed }
            entries.append(Entry(tag: tag, type: type, count: valueCount, valueField: start + 8, raw: bytes[start..<start + 12]))
        }
        return Directory(offset: offset, entries: entries, rawNext: bytes[nextField..<nextField + 4], next: next)
    }

    /// The offset held by a pointer entry (GPSInfo, ExifIFD, InteroperabilityIFD).
    private func pointer(in entry: Entry, _ order: Endianness) throws -> Int {
        guard entry.type == 4 || entry.type == 13, entry.count == 1,
              let offset = bytes.integer(at: entry.valueField, size: 4, order)
        else { throw malformed }
        return offset
    }

    /// Where an entry's value is: inside the entry when it fits in 4 bytes, else at its offset.
    private func valueRange(of entry: Entry, _ order: Endianness) throws -> Range<Int> {
        guard let typeSize = Self.typeSizes[entry.type], entry.count <= bytes.count else { throw malformed }
        let size = entry.count * typeSize
        if size <= 4 { return entry.valueField..<entry.valueField + size }
        guard let offset = bytes.integer(at: entry.valueField, size: 4, order), offset <= bytes.count - size else {
            throw malformed
        }
        return offset..<offset + size
    }

    /// Writes `directory` back without the entries tagged `tag`, zeroing the bytes freed at its end.
    private mutating func rewrite(_ directory: Directory, without tag: Int, _ order: Endianness) {
        let kept = directory.entries.filter { $0.tag != tag }
        var table = order == .big
            ? [UInt8(kept.count >> 8 & 0xff), UInt8(kept.count & 0xff)]
            : [UInt8(kept.count & 0xff), UInt8(kept.count >> 8 & 0xff)]
        for entry in kept { table.append(contentsOf: entry.raw) }
        table.append(contentsOf: directory.rawNext)
        table.append(contentsOf: repeatElement(0, count: directory.range.count - table.count))
        bytes.replaceSubrange(directory.range, with: table)
    }
}
