/// The limits the server announced in `GET /sesion`, saved at each sync (in `sincronizacion`), so
/// a photo the server would refuse is refused when it is attached or its novedad queued — with the
/// limit in the message — instead of after a long upload over a slow link.
public struct ServerLimits: Equatable, Sendable {
    public let bytesPerAttachment: Int
    public let attachmentsPerNovedad: Int

    public init(bytesPerAttachment: Int, attachmentsPerNovedad: Int) {
        self.bytesPerAttachment = bytesPerAttachment
        self.attachmentsPerNovedad = attachmentsPerNovedad
    }

    /// The limits saved by the last sync, or nil before the first one.
    static func saved(in database: Database) throws -> ServerLimits? {
        let state = SyncState(database: database)
        guard let bytes = try state.value(Self.bytesKey).flatMap({ Int($0) }),
              let count = try state.value(Self.countKey).flatMap({ Int($0) }) else { return nil }
        return ServerLimits(bytesPerAttachment: bytes, attachmentsPerNovedad: count)
    }

    func save(in database: Database) throws {
        let state = SyncState(database: database)
        try database.transaction {
            try state.set(Self.bytesKey, String(bytesPerAttachment))
            try state.set(Self.countKey, String(attachmentsPerNovedad))
        }
    }

    /// Why the server would refuse a photo of `bytes`, or nil.
    func refusal(ofPhotoBytes bytes: Int) -> String? {
        guard bytes > bytesPerAttachment else { return nil }
        return "el servidor acepta fotos de hasta \(ByteCount.text(bytesPerAttachment)) y esta pesa \(ByteCount.text(bytes))"
    }

    /// Why the server would refuse one more photo after `count`, or nil.
    func refusal(ofPhotoCount count: Int) -> String? {
        guard count > attachmentsPerNovedad else { return nil }
        return "el servidor acepta a lo sumo \(attachmentsPerNovedad) fotos por novedad"
    }

    /// What the server would refuse of a novedad's photos, one problem per cause.
    func problems(of attachments: [AttachmentRecord]) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let reason = refusal(ofPhotoCount: attachments.count) { problems.append(ValidationProblem(field: "fotos", message: reason)) }
        for attachment in attachments {
            if let reason = refusal(ofPhotoBytes: attachment.bytes) {
                problems.append(ValidationProblem(field: "fotos", message: "\(attachment.name): \(reason)"))
            }
        }
        return problems
    }

    private static let bytesKey = "limite_bytes_por_adjunto"
    private static let countKey = "limite_adjuntos_por_novedad"
}
