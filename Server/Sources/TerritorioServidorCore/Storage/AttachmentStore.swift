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

    /// Completes the gestor's photo in one statement (the schema's `completar_adjunto`): its
    /// upload (held at `held` bytes, none when 0) ends, the photo becomes an attachment stored in
    /// `object` (nil: already stored), and it becomes the gestor's. False when the upload moved
    /// meanwhile (nothing changed).
    func complete(_ sha256: String, size: Int64, object: String?, for gestorID: Int64, held: Int64) async throws -> Bool {
        do {
            let rows = try await database.client.query("""
                SELECT completar_adjunto(\(gestorID), \(sha256), \(size), \(object), \(held))
                """, logger: database.logger)
            for try await completed in rows.decode(Bool.self) { return completed }
            return false
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == Self.vanished {
            throw ServerFailure("El adjunto \(sha256) desapareció mientras se completaba; reintente.")
        }
    }

    /// What `completar_adjunto` raises when the photo was collected while it was completed.
    static let vanished = "TR001"

    /// The object holding the photo's bytes, or nil when the server does not have it (or it is
    /// still in PostgreSQL, waiting for `migrar-adjuntos`).
    public func object(of sha256: String) async throws -> String? {
        let rows = try await database.client.query("SELECT objeto FROM adjuntos WHERE sha256 = \(sha256)", logger: database.logger)
        for try await object in rows.decode(String?.self) { return object }
        return nil
    }
}
