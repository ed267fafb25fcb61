/// The image formats accepted as attachments: what phones and cameras produce. The format is
/// always recognised from the content, never from the file name.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, heic

    /// How the format is named to a gestor, e.g. "imagen JPEG".
    public var displayName: String {
        switch self {
        case .jpeg: "imagen JPEG"
        case .png: "imagen PNG"
        case .webp: "imagen WebP"
        case .heic: "imagen HEIC/HEIF"
        }
    }
}
