import NIOCore
import PostgresNIO

/// Where the bytes of an upload go: pieces into the object store as they arrive (within the
/// gestor's cap), and at completion the photo composed once from them, its SHA-256 checked
/// while it is written, then made the gestor's attachment in one transaction.
struct PhotoIntake: Sendable {
    let limits: ServerLimits
    let objects: any ObjectStore
    let attachments: AttachmentStore
    let uploads: UploadStore
    let inventory: ObjectInventory

    init(database: Database, objects: any ObjectStore, limits: ServerLimits) {
        self.limits = limits
        self.objects = objects
        self.attachments = AttachmentStore(database: database)
        self.uploads = UploadStore(database: database)
        self.inventory = ObjectInventory(database: database, objects: objects)
    }

    /// Stores one piece of an incomplete upload (`size` bytes whose SHA-256 is `pieceSHA256`),
    /// streamed from `piece`; `409` when the upload moved, `507` when the gestor's incomplete
    /// uploads would pass the cap.
    func storePiece(_ piece: VerifiedChunks.Source, size: Int64, sha256 pieceSHA256: String, of sha256: String, for gestorID: Int64,
                    length: Int64, offset: Int64) async throws {
        guard let object = try await inventory.reservePiece(of: size, for: gestorID, cap: limits.bytesInIncompleteUploads) else {
            throw APIProblem.uploadSpaceFull(limit: limits.bytesInIncompleteUploads)
        }
        try await objects.put(object, chunks: VerifiedChunks([piece], length: size, sha256: pieceSHA256, from: objects))
        guard try await uploads.recordPiece(of: sha256, for: gestorID, length: length, offset: offset, bytes: size, object: object) else {
            try await inventory.delete([object])
            throw APIProblem.uploadOffsetMismatch(held: try await uploads.offset(of: sha256, for: gestorID))
        }
    }

    /// Completes the photo with its last bytes (`rest`, after the `held` bytes already stored in
    /// pieces). False when its SHA-256 is not its name: nothing changed then (the caller decides
    /// whether the gestor's upload goes; see `discard`).
    func complete(_ sha256: String, for gestorID: Int64, length: Int64, held: Int64, rest: VerifiedChunks.Source) async throws -> Bool {
        let pieces = held > 0 ? try await uploads.pieces(of: sha256, for: gestorID) : []
        let chunks = VerifiedChunks(pieces.map { .stored($0) } + [rest], length: length, sha256: sha256, from: objects)
        let object = try await inventory.reservePhoto(sha256)
        if let object {
            do {
                try await objects.put(object, chunks: chunks)
            } catch is VerifiedChunks.Mismatch {
                try await inventory.delete([object])
                return false
            }
        } else {
            // Stored once whoever sent it: this gestor's bytes are read and checked, not kept.
            guard try await chunks.verify() else { return false }
        }
        guard try await attachments.complete(sha256, size: length, object: object, for: gestorID, held: held) else {
            throw APIProblem.uploadOffsetMismatch(held: try await uploads.offset(of: sha256, for: gestorID))
        }
        // The pieces are not named by anything now: their objects go at once (or at the next
        // `mantenimiento`, if this process dies first).
        _ = try? await inventory.delete(pieces)
        return true
    }

    /// Drops the gestor's upload of the photo (its bytes were not the photo) and its pieces.
    func discard(_ sha256: String, for gestorID: Int64) async throws {
        try await inventory.delete(try await uploads.discard(sha256, for: gestorID))
    }
}
