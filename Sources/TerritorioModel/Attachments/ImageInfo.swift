/// What an attachment is, read from its bytes: shown to the gestor and sent as `ancho`/`alto`.
public struct ImageInfo: Equatable, Sendable {
    public let format: ImageFormat
    /// Width in pixels as the header declares it (before any rotation the viewer may apply).
    public let width: Int
    /// Height in pixels as the header declares it.
    public let height: Int

    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }
}
