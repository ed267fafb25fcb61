/// Cleans location metadata from a PNG. PNG has no offsets between chunks, so a chunk may be
/// dropped; IDAT and every other image chunk are copied byte for byte. The eXIf chunk loses its
/// GPS block in place (its CRC recomputed); XMP in iTXt/tEXt has its location values blanked;
/// text chunks that mention a location, compressed text chunks (which cannot be read without
/// zlib) and ImageMagick's "Raw profile type" chunks (hex copies of Exif, XMP, IPTC) are dropped.
enum PNGLocation {
    static func removingLocation(from original: [UInt8]) throws -> [UInt8] {
        let png = try PNGStructure(original)
        var bytes = original
        var kept: [PNGStructure.Chunk] = []
        for chunk in png.chunks {
            if try clean(chunk, in: &bytes) { kept.append(chunk) }
        }
        if LocationHints.mayHoldLocation(bytes, in: png.end..<bytes.count) {
            throw ImageError.locationNotRemovable(.png, .unknownMetadata(part: "datos después de IEND"))
        }
        guard kept.count < png.chunks.count else { return bytes }
        var result = PNGStructure.signature
        for chunk in kept { result.append(contentsOf: bytes[chunk.start..<chunk.end]) }
        result.append(contentsOf: bytes[png.end...])
        return result
    }

    private static let imageChunks: Set = [
        "IHDR", "PLTE", "IDAT", "IEND", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "bKGD", "hIST", "tRNS", "pHYs",
        "sPLT", "tIME", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi",
    ]
    private static let exifHeader = Array("Exif\u{0}\u{0}".utf8)

    /// Cleans `chunk` in place; false when the chunk must be dropped.
    private static func clean(_ chunk: PNGStructure.Chunk, in bytes: inout [UInt8]) throws -> Bool {
        if imageChunks.contains(chunk.type) { return true }
        switch chunk.type {
        case "eXIf":
            // Some writers keep JPEG's "Exif" header in front of the TIFF structure.
            let skip = bytes.hasBytes(exifHeader, at: chunk.data.lowerBound) ? exifHeader.count : 0
            try ExifLocation.removeGPS(from: &bytes, tiff: chunk.data.lowerBound + skip..<chunk.data.upperBound, format: .png)
            updateCRC(of: chunk, in: &bytes)
            return true
        case "tEXt", "iTXt", "zTXt":
            guard let text = TextChunk(bytes, chunk), let content = text.content else { return false }
            if text.keyword == "XML:com.adobe.xmp" {
                try XMPLocation.blank(&bytes, in: content, format: .png)
                updateCRC(of: chunk, in: &bytes)
                return true
            }
            if text.keyword.hasPrefix("Raw profile type") { return false }
            let words = (text.keyword + " " + String(decoding: bytes[content], as: UTF8.self)).lowercased()
            return !["gps", "latitud", "longitud"].contains { words.contains($0) }
        default:
            guard LocationHints.mayHoldLocation(bytes, in: chunk.data) else { return true }
            guard chunk.isAncillary else {
                throw ImageError.locationNotRemovable(.png, .unknownMetadata(part: chunk.type))
            }
            return false
        }
    }

    private static func updateCRC(of chunk: PNGStructure.Chunk, in bytes: inout [UInt8]) {
        let crc = CRC32.checksum(bytes, in: chunk.checkedRange)
        for index in 0..<4 {
            bytes[chunk.data.upperBound + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(index)))
        }
    }

    /// The keyword and readable text of a tEXt, iTXt or zTXt chunk.
    private struct TextChunk {
        let keyword: String
        /// The text, or nil when it is compressed.
        let content: Range<Int>?

        /// Nil when the chunk does not follow the format (no NUL after the keyword).
        init?(_ bytes: [UInt8], _ chunk: PNGStructure.Chunk) {
            guard let keywordEnd = bytes[chunk.data].firstIndex(of: 0) else { return nil }
            keyword = String(decoding: bytes[chunk.data.lowerBound..<keywordEnd], as: UTF8.self)
            switch chunk.type {
            case "tEXt":
                content = keywordEnd + 1..<chunk.data.upperBound
            case "iTXt":
                // Compression flag and method, then the language tag and translated keyword.
                let flags = keywordEnd + 3
                guard flags <= chunk.data.upperBound,
                      let languageEnd = bytes[flags..<chunk.data.upperBound].firstIndex(of: 0),
                      let translatedEnd = bytes[languageEnd + 1..<chunk.data.upperBound].firstIndex(of: 0)
                else { return nil }
                content = bytes[keywordEnd + 1] == 0 ? translatedEnd + 1..<chunk.data.upperBound : nil
            default:
                content = nil
            }
        }
    }
}
