import PostgresNIO

/// Where one gestor stands with one photo: whether they sent all of it, and how far their
/// upload of it got. `HEAD` and `PATCH` need all of it before they do anything, so it is read in
/// one statement.
struct GestorPhoto: Sendable, Equatable {
    /// The photo's size when the gestor has sent it, else nil.
    let size: Int64?
    /// The bytes of it the server holds for the gestor's upload (0 when none).
    let held: Int64
    /// The length the gestor announced for that upload, or nil when there is none.
    let length: Int64?
}

extension AttachmentStore {
    /// The gestor's photo with this SHA-256, sent or arriving.
    func photo(_ sha256: String, for gestorID: Int64) async throws -> GestorPhoto {
        let rows = try await database.client.query("""
            SELECT (SELECT a.bytes FROM adjuntos a JOIN adjuntos_gestores g ON g.sha256 = a.sha256
                    WHERE a.sha256 = \(sha256) AND g.gestor_id = \(gestorID)),
                   s.recibidos, s.longitud
            FROM (SELECT 1) uno LEFT JOIN subidas s ON s.gestor_id = \(gestorID) AND s.sha256 = \(sha256)
            """, logger: database.logger)
        for try await (size, held, length) in rows.decode((Int64?, Int64?, Int64?).self) {
            return GestorPhoto(size: size, held: held ?? 0, length: length)
        }
        return GestorPhoto(size: nil, held: 0, length: nil)
    }
}
