/// Cleans location metadata from a JPEG in place, so the scan data (everything from SOS to EOI)
/// is never touched: the GPS block of every Exif APP1, location values in XMP APP1 (standard and
/// extended), and the same in images appended after the main one (MPF: gain maps, depth maps).
enum JPEGLocation {
    static func removeLocation(from bytes: inout [UInt8]) throws {
        let main = try JPEGStructure(bytes)
        try clean(main, in: &bytes)
        // After EOI: appended JPEG images are cleaned too; other bytes must not look like metadata.
        var opaqueStart = main.end
        var position = main.end
        var failedAttempts = 0
        while failedAttempts < 16, let start = bytes.firstOffset(of: [0xff, 0xd8, 0xff], in: position..<bytes.count) {
            guard let image = try? JPEGStructure(bytes, from: start) else {
                failedAttempts += 1
                position = start + 1
                continue
            }
            try refuseHints(in: opaqueStart..<start, of: bytes)
            try clean(image, in: &bytes)
            opaqueStart = image.end
            position = image.end
        }
        try refuseHints(in: opaqueStart..<bytes.count, of: bytes)
    }

    private static let exifHeader = Array("Exif\u{0}".utf8)
    private static let xmpNamespace = Array("http://ns.adobe.com/xap/1.0/\u{0}".utf8)
    private static let extendedXMPNamespace = Array("http://ns.adobe.com/xmp/extension/\u{0}".utf8)
    private static let harmlessAPP2 = [Array("ICC_PROFILE\u{0}".utf8), Array("MPF\u{0}".utf8)]

    private static func clean(_ image: JPEGStructure, in bytes: inout [UInt8]) throws {
        var extendedXMP: [(offset: Int, piece: Range<Int>)] = []
        for segment in image.segments where (0xe0...0xef).contains(segment.marker) || segment.marker == 0xfe {
            let payload = segment.payload
            let start = payload.lowerBound
            if segment.marker == 0xe1, bytes.hasBytes(exifHeader, at: start) {
                // "Exif" NUL and a pad byte, then the TIFF structure.
                guard payload.count >= 6 else { throw ImageError.locationNotRemovable(.jpeg, .malformedExif) }
                try ExifLocation.removeGPS(from: &bytes, tiff: start + 6..<payload.upperBound, format: .jpeg)
            } else if segment.marker == 0xe1, bytes.hasBytes(xmpNamespace, at: start) {
                try XMPLocation.blank(&bytes, in: start + xmpNamespace.count..<payload.upperBound, format: .jpeg)
            } else if segment.marker == 0xe1, bytes.hasBytes(extendedXMPNamespace, at: start) {
                // A 32-byte GUID, the full length and this piece's offset, then the piece.
                let header = extendedXMPNamespace.count + 40
                guard payload.count >= header,
                      let offset = bytes.integer(at: start + extendedXMPNamespace.count + 36, size: 4, .big)
                else { throw ImageError.locationNotRemovable(.jpeg, .malformedXMP) }
                extendedXMP.append((offset, start + header..<payload.upperBound))
            } else if segment.marker == 0xe2, harmlessAPP2.contains(where: { bytes.hasBytes($0, at: start) }) {
                continue
            } else if LocationHints.mayHoldLocation(bytes, in: payload) {
                throw ImageError.locationNotRemovable(.jpeg, .unknownMetadata(part: JPEGStructure.name(of: segment.marker)))
            }
        }
        guard !extendedXMP.isEmpty else { return }
        let pieces = extendedXMP.sorted { $0.offset < $1.offset }
        var expectedOffset = 0
        for piece in pieces {
            guard piece.offset == expectedOffset else { throw ImageError.locationNotRemovable(.jpeg, .malformedXMP) }
            expectedOffset += piece.piece.count
        }
        var joined = bytes.gathering(pieces.map(\.piece))
        try XMPLocation.blank(&joined, in: 0..<joined.count, format: .jpeg)
        bytes.scattering(joined, over: pieces.map(\.piece))
    }

    private static func refuseHints(in range: Range<Int>, of bytes: [UInt8]) throws {
        if LocationHints.mayHoldLocation(bytes, in: range) {
            throw ImageError.locationNotRemovable(.jpeg, .unknownMetadata(part: "datos después del fin de la imagen"))
        }
    }
}
