import NIOCore
import PostgresNIO

/// Attachments by SHA-256, bytes in a `bytea` column: the row and its bytes appear in one
/// committed transaction or not at all, which is the atomic write the protocol needs without
/// temp files, and `sha256(contenido)` lets anyone check the stored bytes from `psql`.
public struct AttachmentStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The stored size of the attachment, or nil when the server does not have it.
    public func size(of sha256: String) async throws -> Int64? {
        let rows = try await database.client.query("SELECT bytes FROM adjuntos WHERE sha256 = \(sha256)", logger: database.logger)
        for try await size in rows.decode(Int64.self) { return size }
        return nil
    }

    /// Stores verified bytes under their hash; false when they were already there. Concurrent
    /// uploads of the same file meet on the primary key and one of them stores it.
    public func store(sha256: String, bytes: ByteBuffer) async throws -> Bool {
        let rows = try await database.client.query("""
            INSERT INTO adjuntos (sha256, contenido, bytes) VALUES (\(sha256), \(bytes), \(Int64(bytes.readableBytes)))
            ON CONFLICT (sha256) DO NOTHING
            RETURNING sha256
            """, logger: database.logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }
}
