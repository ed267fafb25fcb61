import NIOCore
import PostgresNIO

/// Attachments by SHA-256: one object per photo in the store, whoever sent it, and for each
/// gestor the photos they sent (`adjuntos_gestores`). To a gestor a photo exists only once they
/// sent all of its bytes themselves: another gestor's upload of the same file tells them nothing
/// and cannot disturb theirs.
public struct AttachmentStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The photo's size when this gestor has sent it, else nil.
    public func size(of sha256: String, for gestorID: Int64) async throws -> Int64? {
        let rows = try await database.client.query("""
            SELECT a.bytes FROM adjuntos a JOIN adjuntos_gestores g ON g.sha256 = a.sha256
            WHERE a.sha256 = \(sha256) AND g.gestor_id = \(gestorID)
            """, logger: database.logger)
        for try await size in rows.decode(Int64.self) { return size }
        return nil
    }

    /// Whether any gestor's photo with this hash is stored (its bytes need not be stored again).
    func isStored(_ sha256: String) async throws -> Bool {
        let rows = try await database.client.query("SELECT 1 FROM adjuntos WHERE sha256 = \(sha256)", logger: database.logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// Completes the gestor's photo in one transaction: its upload (held at `held` bytes, none
    /// when 0) ends, the photo becomes an attachment stored in `object` (nil: already stored),
    /// and it becomes the gestor's. False when the upload moved meanwhile (nothing changed).
    func complete(_ sha256: String, size: Int64, object: String?, for gestorID: Int64, held: Int64) async throws -> Bool {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            if held > 0 {
                let ended = try await connection.query("""
                    DELETE FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256) AND recibidos = \(held) RETURNING 1
                    """, logger: logger)
                var found = false
                for try await _ in ended.decode(Int.self) { found = true }
                guard found else { return false }
            } else {
                // Sent whole: an upload left under another length has no use any more.
                try await connection.query("DELETE FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256)", logger: logger)
            }
            if let object {
                try await connection.query("UPDATE objetos SET en_uso = true WHERE nombre = \(object)", logger: logger)
                try await connection.query("""
                    INSERT INTO adjuntos (sha256, bytes, objeto) VALUES (\(sha256), \(size), \(object)) ON CONFLICT (sha256) DO NOTHING
                    """, logger: logger)
            }
            let linked = try await connection.query("""
                INSERT INTO adjuntos_gestores (gestor_id, sha256) SELECT \(gestorID), sha256 FROM adjuntos WHERE sha256 = \(sha256)
                ON CONFLICT (gestor_id, sha256) DO UPDATE SET recibido_en = now()
                RETURNING 1
                """, logger: logger)
            var isLinked = false
            for try await _ in linked.decode(Int.self) { isLinked = true }
            guard isLinked else { throw ServerFailure("El adjunto \(sha256) desapareció mientras se completaba; reintente.") }
            return true
        }
    }

    /// The object holding the photo's bytes, or nil when the server does not have it (or it is
    /// still in PostgreSQL, waiting for `migrar-adjuntos`).
    public func object(of sha256: String) async throws -> String? {
        let rows = try await database.client.query("SELECT objeto FROM adjuntos WHERE sha256 = \(sha256)", logger: database.logger)
        for try await object in rows.decode(String?.self) { return object }
        return nil
    }
}
