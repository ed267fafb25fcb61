import NIOCore
import PostgresNIO

/// Attachments still arriving (`PATCH /adjuntos/{sha256}`): the bytes received so far, in
/// `subidas`, keyed by the hash the client chose before the first byte — so a retry after any
/// failure finds them, and a lost answer leaves nothing orphaned under another name. Only a
/// complete upload whose SHA-256 is its name becomes an attachment, in one statement.
public struct UploadStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// How many bytes of the upload the server holds (0 when none).
    public func offset(of sha256: String) async throws -> Int64 {
        let rows = try await database.client.query("SELECT octet_length(recibido)::bigint FROM subidas WHERE sha256 = \(sha256)",
                                                   logger: database.logger)
        for try await offset in rows.decode(Int64.self) { return offset }
        return 0
    }

    /// Appends `bytes` at `offset`; false when the upload is not at `offset` (another request moved
    /// it) or was announced with another length.
    public func append(sha256: String, length: Int64, offset: Int64, bytes: ByteBuffer) async throws -> Bool {
        let rows = try await database.client.query("""
            INSERT INTO subidas (sha256, longitud, recibido)
            SELECT \(sha256), \(length), \(bytes) WHERE \(offset) = 0
            ON CONFLICT (sha256) DO UPDATE SET recibido = subidas.recibido || excluded.recibido, actualizada_en = now()
            WHERE octet_length(subidas.recibido) = \(offset) AND subidas.longitud = excluded.longitud
            RETURNING 1
            """, logger: database.logger)
        for try await _ in rows.decode(Int.self) { return true }
        guard offset > 0 else { return false }
        let updated = try await database.client.query("""
            UPDATE subidas SET recibido = recibido || \(bytes), actualizada_en = now()
            WHERE sha256 = \(sha256) AND octet_length(recibido) = \(offset) AND longitud = \(length)
            RETURNING 1
            """, logger: database.logger)
        for try await _ in updated.decode(Int.self) { return true }
        return false
    }

    /// Ends a complete upload: its bytes become the attachment when their SHA-256 is the
    /// upload's name; otherwise they are discarded. True when the attachment now exists.
    public func complete(sha256: String) async throws -> Bool {
        try await database.client.query("""
            WITH recibida AS (
                DELETE FROM subidas WHERE sha256 = \(sha256) AND octet_length(recibido) = longitud RETURNING recibido
            )
            INSERT INTO adjuntos (sha256, contenido, bytes)
            SELECT \(sha256), recibido, octet_length(recibido) FROM recibida WHERE encode(sha256(recibido), 'hex') = \(sha256)
            ON CONFLICT (sha256) DO NOTHING
            """, logger: database.logger)
        return try await AttachmentStore(database: database).size(of: sha256) != nil
    }
}
