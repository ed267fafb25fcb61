/// Cleans location metadata from a WebP: the EXIF chunk loses its GPS block and the XMP chunk
/// its location values, both in place, so the VP8/VP8L image data is never touched. An unknown
/// chunk that looks like location metadata is dropped (RIFF has no offsets between chunks) and
/// the RIFF size fixed.
enum WebPLocation {
    static func removingLocation(from original: [UInt8]) throws -> [UInt8] {
        let webp = try WebPStructure(original)
        var bytes = original
        var kept: [WebPStructure.Chunk] = []
        for chunk in webp.chunks {
            switch chunk.fourCC {
            case "EXIF":
                // Some writers keep JPEG's "Exif" header in front of the TIFF structure.
                let skip = bytes.hasBytes(exifHeader, at: chunk.data.lowerBound) ? exifHeader.count : 0
                try ExifLocation.removeGPS(from: &bytes, tiff: chunk.data.lowerBound + skip..<chunk.data.upperBound, format: .webp)
            case "XMP ":
                try XMPLocation.blank(&bytes, in: chunk.data, format: .webp)
            case "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP":
                break
            default:
                if LocationHints.mayHoldLocation(bytes, in: chunk.data) { continue }
            }
            kept.append(chunk)
        }
        if LocationHints.mayHoldLocation(bytes, in: webp.end..<bytes.count) {
            throw ImageError.locationNotRemovable(.webp, .unknownMetadata(part: "datos después del contenedor RIFF"))
        }
        guard kept.count < webp.chunks.count else { return bytes }
        var body = Array("WEBP".utf8)
        for chunk in kept { body.append(contentsOf: bytes[chunk.start..<chunk.end]) }
        var result = Array("RIFF".utf8)
        result.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: body.count >> (8 * $0)) })
        result.append(contentsOf: body)
        result.append(contentsOf: bytes[webp.end...])
        return result
    }

    private static let exifHeader = Array("Exif\u{0}\u{0}".utf8)
}
