/// The image formats accepted as attachments: what phones and cameras produce. The format is
/// always recognised from the content, never from the file name. AVIF has the box structure of
/// HEIF (only the codec differs), so it is read and cleaned by the same code.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, heic, avif

    /// How the format is named to a gestor, e.g. "imagen JPEG".
    public var displayName: String {
        switch self {
        case .jpeg: "imagen JPEG"
        case .png: "imagen PNG"
        case .webp: "imagen WebP"
        case .heic: "imagen HEIC/HEIF"
        case .avif: "imagen AVIF"
        }
    }
}
