import NIOCore
import PostgresNIO

/// Photos still arriving (`PATCH /adjuntos/{sha256}`), each the gestor's own: one row per gestor
/// and photo in `subidas` with how many bytes arrived, and the pieces themselves as objects in
/// the store (`subida_piezas`). A piece is written once and never rewritten; the last piece is
/// never recorded here: it completes the photo in the same transaction that makes it an
/// attachment, so no upload ever holds every byte without being complete.
public struct UploadStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// How many bytes of the photo the server holds for this gestor (0 when none).
    public func offset(of sha256: String, for gestorID: Int64) async throws -> Int64 {
        let rows = try await database.client.query("SELECT recibidos FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256)",
                                                   logger: database.logger)
        for try await offset in rows.decode(Int64.self) { return offset }
        return 0
    }

    /// The length the gestor announced for an upload of the photo under way, or nil.
    func length(of sha256: String, for gestorID: Int64) async throws -> Int64? {
        let rows = try await database.client.query("SELECT longitud FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256)",
                                                   logger: database.logger)
        for try await length in rows.decode(Int64.self) { return length }
        return nil
    }

    /// Bytes the gestor holds in incomplete uploads, for the cap.
    func bytesHeld(by gestorID: Int64) async throws -> Int64 {
        let rows = try await database.client.query("SELECT coalesce(sum(recibidos), 0)::bigint FROM subidas WHERE gestor_id = \(gestorID)",
                                                   logger: database.logger)
        for try await held in rows.decode(Int64.self) { return held }
        return 0
    }

    /// The stored pieces' objects in order, and the bytes they hold.
    func pieces(of sha256: String, for gestorID: Int64) async throws -> [String] {
        let rows = try await database.client.query("""
            SELECT p.objeto FROM subida_piezas p JOIN subidas s ON s.id = p.subida_id
            WHERE s.gestor_id = \(gestorID) AND s.sha256 = \(sha256) ORDER BY p.desde
            """, logger: database.logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }

    /// Records a stored piece of `bytes` bytes at `offset`; false when the upload is not at
    /// `offset` any more (another request of the gestor moved it). A piece at 0 starts the upload
    /// over, whatever the gestor held before under another length.
    func recordPiece(of sha256: String, for gestorID: Int64, length: Int64, offset: Int64, bytes: Int64, object: String) async throws -> Bool {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            let rows: PostgresRowSequence
            if offset == 0 {
                rows = try await connection.query("""
                    INSERT INTO subidas (gestor_id, sha256, longitud, recibidos) VALUES (\(gestorID), \(sha256), \(length), \(bytes))
                    ON CONFLICT (gestor_id, sha256) DO UPDATE SET recibidos = excluded.recibidos, longitud = excluded.longitud, actualizada_en = now()
                    WHERE subidas.longitud <> excluded.longitud
                    RETURNING id
                    """, logger: logger)
            } else {
                rows = try await connection.query("""
                    UPDATE subidas SET recibidos = recibidos + \(bytes), actualizada_en = now()
                    WHERE gestor_id = \(gestorID) AND sha256 = \(sha256) AND recibidos = \(offset) AND longitud = \(length)
                    RETURNING id
                    """, logger: logger)
            }
            var uploadID: Int64?
            for try await id in rows.decode(Int64.self) { uploadID = id }
            guard let uploadID else { return false }
            if offset == 0 {
                // A restart under another length: the old pieces go (their objects are collected).
                try await connection.query("DELETE FROM subida_piezas WHERE subida_id = \(uploadID)", logger: logger)
            }
            try await connection.query("INSERT INTO subida_piezas (subida_id, desde, bytes, objeto) VALUES (\(uploadID), \(offset), \(bytes), \(object))",
                                       logger: logger)
            try await connection.query("UPDATE objetos SET en_uso = true WHERE nombre = \(object)", logger: logger)
            return true
        }
    }

    /// Drops the gestor's upload of the photo (its bytes were not the photo); its pieces'
    /// objects are left for `ObjectInventory` to delete. Returns their names.
    func discard(_ sha256: String, for gestorID: Int64) async throws -> [String] {
        let pieces = try await pieces(of: sha256, for: gestorID)
        try await database.client.query("DELETE FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256)", logger: database.logger)
        return pieces
    }
}
