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
    /// over, whatever the gestor held before under another length. One statement (the schema's
    /// `registrar_pieza`), so atomic without a transaction's extra round trips.
    func recordPiece(of sha256: String, for gestorID: Int64, length: Int64, offset: Int64, bytes: Int64, object: String) async throws -> Bool {
        let rows = try await database.client.query("""
            SELECT registrar_pieza(\(gestorID), \(sha256), \(length), \(offset), \(bytes), \(object))
            """, logger: database.logger)
        for try await recorded in rows.decode(Bool.self) { return recorded }
        return false
    }

    /// Drops the gestor's upload of the photo (its bytes were not the photo); its pieces'
    /// objects are left for `ObjectInventory` to delete. Returns their names.
    func discard(_ sha256: String, for gestorID: Int64) async throws -> [String] {
        let pieces = try await pieces(of: sha256, for: gestorID)
        try await database.client.query("DELETE FROM subidas WHERE gestor_id = \(gestorID) AND sha256 = \(sha256)", logger: database.logger)
        return pieces
    }
}
