import Hummingbird
import TerritorioWire

/// `HEAD`, `PUT` and `PATCH /adjuntos/{sha256}`: content-addressed uploads. The URL is the hash,
/// so a retry is the same request, and a file the gestor already sent is never sent twice. `PATCH`
/// makes them resumable (tus-style): `HEAD` of a missing photo says how many bytes arrived
/// (`Upload-Offset`), and the client sends only the rest. Everything is per gestor: a photo
/// another gestor sent is absent to this one until they send its bytes too (stored once).
struct AttachmentEndpoints: Sendable {
    let limits: ServerLimits
    let intake: PhotoIntake
    var attachments: AttachmentStore { intake.attachments }

    static let invalidAddress = "La dirección de un adjunto es su SHA-256: 64 dígitos hexadecimales en minúsculas."
    static let damaged = "El SHA-256 de la foto recibida no es el de la dirección: se descartó; envíela de nuevo desde el comienzo."

    func head(sha256: String, gestor: AuthenticatedGestor) async throws -> Response {
        guard Hex.isSHA256(sha256) else { return Response(status: .badRequest) }
        let photo = try await attachments.photo(sha256, for: gestor.gestorID)
        guard let size = photo.size else {
            return Response(status: .notFound, headers: [.uploadOffset: String(photo.held)])
        }
        return Response(status: .ok, headers: [.contentLength: String(size), .reprDigest: Self.reprDigest(sha256),
                                                .uploadOffset: String(size)])
    }

    /// Appends the body at `Upload-Offset`: `204` while the photo is incomplete, `201` when this
    /// completed it and its SHA-256 is the URL's, `200` when the gestor had already sent it.
    func patch(sha256: String, request: Request, gestor: AuthenticatedGestor) async throws -> Response {
        guard Hex.isSHA256(sha256) else { throw APIProblem.badRequest(Self.invalidAddress) }
        let photo = try await attachments.photo(sha256, for: gestor.gestorID)
        if let size = photo.size {
            return Response(status: .ok, headers: [.reprDigest: Self.reprDigest(sha256), .uploadOffset: String(size)])
        }
        guard let claimed = request.headers[.uploadOffset].flatMap({ Int64($0) }), claimed >= 0,
              let length = request.headers[.uploadLength].flatMap({ Int64($0) }), length > 0 else {
            throw APIProblem.badRequest("Falta Upload-Offset (desde qué byte va el cuerpo) o Upload-Length (el tamaño de la foto entera).")
        }
        guard length <= limits.bytesPerAttachment else { throw APIProblem.tooLarge(limit: limits.bytesPerAttachment, what: "El adjunto") }
        var held = photo.held
        if claimed == 0, held > 0, photo.length != length {
            held = 0  // the gestor starts over under another length: their old pieces are replaced
        }
        guard held == claimed else { throw APIProblem.uploadOffsetMismatch(held: held) }
        var upload = PartialUpload(sha256: sha256, gestorID: gestor.gestorID, length: length, offset: held, intake: intake,
                                   pending: try SpooledBody())
        do {
            for try await part in request.body {
                try await upload.receive(part)
            }
        } catch let problem as APIProblem {
            throw problem
        } catch {
            try? await upload.storePending()  // keep what arrived before the connection failed
            throw error
        }
        guard upload.offset + upload.pending.count == length else {
            try await upload.storePending()
            return Response(status: .noContent, headers: [.uploadOffset: String(upload.offset)])
        }
        guard try await intake.complete(sha256, for: gestor.gestorID, length: length, held: upload.offset, rest: .arriving(upload.pending.chunks())) else {
            try await intake.discard(sha256, for: gestor.gestorID)
            throw APIProblem.digestMismatch(Self.damaged)
        }
        return Response(status: .created, headers: [.reprDigest: Self.reprDigest(sha256), .uploadOffset: String(length)])
    }

    /// A whole photo in one request, checked before anything is kept. The body waits in a file
    /// (`SpooledBody`) until it has all arrived, chunked or not, and then goes to the store hashed
    /// on the way (the store never completes an object whose hash is wrong): memory holds a chunk
    /// of it, never the photo, and a gestor on a slow link never holds a connection to the store.
    func put(sha256: String, request: Request, gestor: AuthenticatedGestor) async throws -> Response {
        guard Hex.isSHA256(sha256), let digest = SHA256.bytes(ofHex: sha256) else { throw APIProblem.badRequest(Self.invalidAddress) }
        try ReceivedBody.verifyDigestHeaders(of: request, against: digest)
        let whole = try await spool(request)
        let length = whole.count
        let body = VerifiedChunks.Source.arriving(whole.chunks())
        if try await attachments.size(of: sha256, for: gestor.gestorID) != nil {
            guard try await VerifiedChunks([body], length: length, sha256: sha256, from: intake.objects).verify() else { throw Self.garbled }
            return Response(status: .ok, headers: [.reprDigest: Self.reprDigest(sha256)])
        }
        guard try await intake.complete(sha256, for: gestor.gestorID, length: length, held: 0, rest: body) else { throw Self.garbled }
        return Response(status: .created, headers: [.reprDigest: Self.reprDigest(sha256)])
    }

    /// The request's body in a file, refused as soon as it passes the photo limit: first by its
    /// `Content-Length` when announced, then by counting, since a chunked body announces nothing.
    private func spool(_ request: Request) async throws -> SpooledBody {
        let limit = Int64(limits.bytesPerAttachment)
        if let announced = request.headers[.contentLength].flatMap({ Int64($0) }), announced > limit {
            throw APIProblem.tooLarge(limit: limits.bytesPerAttachment, what: "El adjunto")
        }
        let spooled = try SpooledBody()
        for try await part in request.body {
            guard spooled.count + Int64(part.readableBytes) <= limit else {
                throw APIProblem.tooLarge(limit: limits.bytesPerAttachment, what: "El adjunto")
            }
            try spooled.append(part)
        }
        return spooled
    }

    /// A whole photo whose bytes are not its address: nothing was kept.
    static let garbled = APIProblem.digestMismatch("El SHA-256 del contenido recibido no es el de la dirección: pudo dañarse en el camino; reintente.")

    /// A large photo's bytes are kept in pieces of this size while they arrive, so even a server
    /// that dies mid-photo keeps most of it; the last piece completes the photo. The piece being
    /// received waits in a file (`SpooledBody`): memory per upload in flight is one chunk.
    static let storedPiece = 4 * 1024 * 1024

    /// The bytes of one `PATCH`: stored a piece at a time, except the photo's last bytes.
    private struct PartialUpload {
        let sha256: String
        let gestorID: Int64
        let length: Int64
        /// The bytes stored so far, this request's pieces included.
        var offset: Int64
        let intake: PhotoIntake
        /// What arrived since the last stored piece.
        let pending: SpooledBody

        mutating func receive(_ part: ByteBuffer) async throws {
            guard offset + pending.count + Int64(part.readableBytes) <= length else {
                throw APIProblem.badRequest("El cuerpo pasa de Upload-Length: la foto tiene \(length) bytes.")
            }
            try pending.append(part)
            if pending.count >= AttachmentEndpoints.storedPiece, offset + pending.count < length {
                try await storePending()
            }
        }

        /// Stores what is pending as a piece, unless it is nothing or the photo's end (which only
        /// a completion may take).
        mutating func storePending() async throws {
            let size = pending.count
            guard size > 0, offset + size < length else { return }
            try await intake.storePiece(.arriving(pending.chunks()), size: size, sha256: try pending.sha256(), of: sha256, for: gestorID,
                                        length: length, offset: offset)
            offset += size
            try pending.clear()
        }
    }

    static func reprDigest(_ sha256: String) -> String {
        WireProtocol.reprDigest(sha256: SHA256.bytes(ofHex: sha256) ?? [])
    }
}
