/// Removes the place where a photo was taken from its metadata before it is stored for sending:
/// Exif GPS (JPEG APP1, PNG eXIf, WebP EXIF, HEIC and AVIF Exif items) and location values in XMP. The
/// image data itself (JPEG scan, PNG IDAT, WebP VP8/VP8L, HEIC coded data) stays byte-identical,
/// and Exif is edited at the same length so its offsets stay valid. When the metadata cannot be
/// cleaned with certainty it throws `ImageError.locationNotRemovable`: the caller then refuses the
/// file unless the gestor asked to keep the location. The input array is never modified.
public enum LocationRemover {
    /// The bytes to store and send, and whether anything was removed. Without location metadata
    /// the original bytes come back unchanged.
    public static func removingLocation(from bytes: [UInt8], format: ImageFormat) throws -> (bytes: [UInt8], removedSomething: Bool) {
        let before = try ImageInspector.inspect(bytes)
        guard before.format == format else { throw ImageError.locationNotRemovable(format, .notVerified) }
        let cleaned = try cleaning(bytes, format)
        if cleaned.hasSameBytes(as: bytes) { return (bytes, false) }
        // The copy must be the same image, and a second pass must find nothing more to remove.
        guard (try? ImageInspector.inspect(cleaned)) == before,
              let again = try? cleaning(cleaned, format), again.hasSameBytes(as: cleaned)
        else { throw ImageError.locationNotRemovable(format, .notVerified) }
        return (cleaned, true)
    }

    private static func cleaning(_ bytes: [UInt8], _ format: ImageFormat) throws -> [UInt8] {
        switch format {
        case .jpeg:
            var copy = bytes
            try JPEGLocation.removeLocation(from: &copy)
            return copy
        case .png:
            return try PNGLocation.removingLocation(from: bytes)
        case .webp:
            return try WebPLocation.removingLocation(from: bytes)
        case .heic:
            var copy = bytes
            try HEIFLocation.removeLocation(from: &copy)
            return copy
        case .avif:
            var copy = bytes
            try ImageError.naming(.avif) { try HEIFLocation.removeLocation(from: &copy) }
            return copy
        }
    }
}
