/// Cleans location metadata from a HEIC/HEIF in place: every Exif item (found through `iinf` and
/// `iloc`, stored in `mdat` or `idat`) loses its GPS block, and every XMP item its location
/// values, at the same length, so no offset changes and the coded image data is never touched;
/// so does XMP in a top-level `uuid` box.
enum HEIFLocation {
    static func removeLocation(from bytes: inout [UInt8]) throws {
        let heif = try HEIFStructure(bytes)
        // The metadata items copied out and back in, together, are at most the file: items that
        // all point at the same bytes cannot make the work grow with the square of the size.
        let gathered = heif.items.filter { $0.type == "Exif" || $0.type == "mime" }.reduce(0) { total, item in
            total + (item.extents ?? []).reduce(0) { $0 + $1.count }
        }
        guard gathered <= bytes.count else { throw ImageError.locationNotRemovable(.heic, .unsupportedLayout) }
        for item in heif.items {
            switch item.type {
            case "Exif":
                guard let extents = item.extents else { throw ImageError.locationNotRemovable(.heic, .unsupportedLayout) }
                var joined = bytes.gathering(extents)
                if joined.isEmpty { continue }
                // A 4-byte offset from its end to the TIFF header (past an optional "Exif" header).
                guard let offset = joined.integer(at: 0, size: 4, .big), offset < joined.count - 4 else {
                    throw ImageError.locationNotRemovable(.heic, .malformedExif)
                }
                try ExifLocation.removeGPS(from: &joined, tiff: 4 + offset..<joined.count, format: .heic)
                bytes.scattering(joined, over: extents)
            case "mime" where item.contentType.lowercased().contains("xml"):
                guard let extents = item.extents, item.contentEncoding.isEmpty else {
                    throw ImageError.locationNotRemovable(.heic, .unsupportedLayout)
                }
                var joined = bytes.gathering(extents)
                try XMPLocation.blank(&joined, in: 0..<joined.count, format: .heic)
                bytes.scattering(joined, over: extents)
            default:
                continue
            }
        }
        // XMP in a top-level `uuid` box (where exiftool writes it into image sequences) is
        // blanked in place like an XMP item.
        let xmpBoxes = heif.topLevel.filter { $0.type == "uuid" && bytes.hasBytes(xmpUUID, at: $0.content.lowerBound) }
        for box in xmpBoxes {
            try XMPLocation.blank(&bytes, in: box.content.lowerBound + xmpUUID.count..<box.content.upperBound, format: .heic)
        }
        // Boxes that hold no item data are searched for anything that looks like a location.
        let unknown = heif.topLevel.filter { !topLevelWithItemData.contains($0.type) && !xmpBoxes.map(\.content).contains($0.content) }
            + heif.metaChildren.filter { !metaWithItemData.contains($0.type) }
        for box in unknown where LocationHints.mayHoldLocation(bytes, in: box.content) {
            throw ImageError.locationNotRemovable(.heic, .unknownMetadata(part: box.type))
        }
    }

    /// The `uuid` box type of XMP (be7acfcb-97a9-42e8-9c71-999491e3afac).
    private static let xmpUUID: [UInt8] = [0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]
    private static let topLevelWithItemData: Set = ["ftyp", "meta", "mdat", "free", "skip"]
    private static let metaWithItemData: Set = ["hdlr", "pitm", "iinf", "iloc", "iprp", "idat", "iref", "dinf", "grpl"]
}
