/// What the server accepts, told to clients in `GET /sesion` so they can refuse a photo before
/// spending a slow link on it. Tests lower them to exercise the `413` paths with small bodies.
public struct ServerLimits: Sendable {
    public var bytesPerAttachment: Int
    public var attachmentsPerNovedad: Int
    /// A novedad is a few KiB of text; anything near this is not one.
    public var bytesPerNovedad: Int
    /// Bytes one gestor may hold in incomplete uploads, so one device cannot fill the store.
    public var bytesInIncompleteUploads: Int64

    public init(bytesPerAttachment: Int = 15 * 1024 * 1024, attachmentsPerNovedad: Int = 10, bytesPerNovedad: Int = 1024 * 1024,
                bytesInIncompleteUploads: Int64 = 200 * 1024 * 1024) {
        self.bytesPerAttachment = bytesPerAttachment
        self.attachmentsPerNovedad = attachmentsPerNovedad
        self.bytesPerNovedad = bytesPerNovedad
        self.bytesInIncompleteUploads = bytesInIncompleteUploads
    }
}
