import Hummingbird
import TerritorioWire

/// `HEAD`, `PUT` and `PATCH /adjuntos/{sha256}`: content-addressed uploads. The URL is the hash,
/// so a retry is the same request, and a file the server already has is never sent twice. `PATCH`
/// makes them resumable (tus-style): `HEAD` of a missing photo says how many bytes arrived
/// (`Upload-Offset`), and the client sends only the rest.
struct AttachmentEndpoints: Sendable {
    let limits: ServerLimits
    let attachments: AttachmentStore
    let uploads: UploadStore

    func head(sha256: String) async throws -> Response {
        guard Hex.isSHA256(sha256) else { return Response(status: .badRequest) }
        guard let size = try await attachments.size(of: sha256) else {
            return Response(status: .notFound, headers: [.uploadOffset: String(try await uploads.offset(of: sha256))])
        }
        return Response(status: .ok, headers: [.contentLength: String(size), .reprDigest: Self.reprDigest(sha256),
                                                .uploadOffset: String(size)])
    }

    /// Appends the body at `Upload-Offset`: `204` while the photo is incomplete, `201` when this
    /// completed it and its SHA-256 is the URL's, `200` when the server already had it.
    func patch(sha256: String, request: Request) async throws -> Response {
        guard Hex.isSHA256(sha256) else {
            throw APIProblem.badRequest("La dirección de un adjunto es su SHA-256: 64 dígitos hexadecimales en minúsculas.")
        }
        if let size = try await attachments.size(of: sha256) {
            return Response(status: .ok, headers: [.reprDigest: Self.reprDigest(sha256), .uploadOffset: String(size)])
        }
        guard let claimed = request.headers[.uploadOffset].flatMap({ Int64($0) }), claimed >= 0,
              let length = request.headers[.uploadLength].flatMap({ Int64($0) }), length > 0 else {
            throw APIProblem.badRequest("Falta Upload-Offset (desde qué byte va el cuerpo) o Upload-Length (el tamaño de la foto entera).")
        }
        guard length <= limits.bytesPerAttachment else { throw APIProblem.tooLarge(limit: limits.bytesPerAttachment, what: "El adjunto") }
        var upload = PartialUpload(sha256: sha256, length: length, offset: try await uploads.offset(of: sha256), uploads: uploads)
        guard upload.offset == claimed else { throw APIProblem.uploadOffsetMismatch(held: upload.offset) }
        do {
            for try await part in request.body {
                try await upload.receive(part)
            }
        } catch {
            try? await upload.store()  // keep what arrived before the connection failed
            throw error
        }
        if upload.isWholePhoto {
            // The usual case, a photo sent whole in one request: checked and stored as a PUT is.
            guard try await upload.storeWhole(into: attachments) else {
                throw APIProblem.digestMismatch("El SHA-256 de la foto recibida no es el de la dirección: se descartó; envíela de nuevo desde el comienzo.")
            }
            return Response(status: .created, headers: [.reprDigest: Self.reprDigest(sha256), .uploadOffset: String(length)])
        }
        try await upload.store()
        guard upload.offset == length else { return Response(status: .noContent, headers: [.uploadOffset: String(upload.offset)]) }
        guard try await uploads.complete(sha256: sha256) else {
            throw APIProblem.digestMismatch("El SHA-256 de la foto recibida no es el de la dirección: se descartó; envíela de nuevo desde el comienzo.")
        }
        return Response(status: .created, headers: [.reprDigest: Self.reprDigest(sha256), .uploadOffset: String(length)])
    }

    func put(sha256: String, request: Request) async throws -> Response {
        guard Hex.isSHA256(sha256) else {
            throw APIProblem.badRequest("La dirección de un adjunto es su SHA-256: 64 dígitos hexadecimales en minúsculas.")
        }
        let body = try await ReceivedBody.read(request, limit: limits.bytesPerAttachment, what: "El adjunto")
        guard SHA256.hex(of: body.sha256) == sha256 else {
            throw APIProblem.digestMismatch("El SHA-256 del contenido recibido no es el de la dirección: pudo dañarse en el camino; reintente.")
        }
        try body.verifyDigestHeaders(of: request)
        let isNew = try await attachments.store(sha256: sha256, bytes: body.bytes)
        return Response(status: isNew ? .created : .ok, headers: [.reprDigest: Self.reprDigest(sha256)])
    }

    /// A large photo's bytes are kept in pieces of this size while they arrive, so even a server
    /// that dies mid-photo keeps most of it; a photo up to this size is held whole and stored once.
    static let storedPiece = 4 * 1024 * 1024

    /// The bytes of one `PATCH`: a photo that arrives whole from byte 0 is stored at once like a
    /// `PUT`; anything else — a large photo's pieces, a request cut short, a resumed upload — is
    /// appended to `subidas`, even when the connection failed mid-body.
    private struct PartialUpload {
        let sha256: String
        let length: Int64
        /// The bytes the server held before this request.
        var offset: Int64
        let uploads: UploadStore
        var pending = ByteBuffer()
        var hasher = SHA256()

        mutating func receive(_ part: ByteBuffer) async throws {
            guard offset + Int64(pending.readableBytes + part.readableBytes) <= length else {
                throw APIProblem.badRequest("El cuerpo pasa de Upload-Length: la foto tiene \(length) bytes.")
            }
            if offset == 0 { part.withUnsafeReadableBytes { hasher.update($0) } }
            pending.writeImmutableBuffer(part)
            if pending.readableBytes >= AttachmentEndpoints.storedPiece { try await store() }
        }

        /// The whole photo came in this one request.
        var isWholePhoto: Bool { offset == 0 && Int64(pending.readableBytes) == length }

        /// Stores a whole photo as an attachment when its SHA-256 is its name; false (nothing
        /// kept) otherwise.
        mutating func storeWhole(into attachments: AttachmentStore) async throws -> Bool {
            guard SHA256.hex(of: hasher.finalize()) == sha256 else { return false }
            _ = try await attachments.store(sha256: sha256, bytes: pending)
            return true
        }

        mutating func store() async throws {
            guard pending.readableBytes > 0 else { return }
            guard try await uploads.append(sha256: sha256, length: length, offset: offset, bytes: pending) else {
                throw APIProblem.uploadOffsetMismatch(held: try await uploads.offset(of: sha256))
            }
            offset += Int64(pending.readableBytes)
            pending.clear()
        }
    }

    static func reprDigest(_ sha256: String) -> String {
        WireProtocol.reprDigest(sha256: SHA256.bytes(ofHex: sha256) ?? [])
    }
}
