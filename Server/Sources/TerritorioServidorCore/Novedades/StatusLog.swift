import PostgresNIO
import TerritorioWire

/// The history of each novedad's status, which clients pull as a feed after a cursor. Sequence
/// numbers come from a counter row updated inside the writing transaction: its row lock makes
/// writers take numbers in commit order, so a reader that has seen N can never later miss a
/// smaller number committed behind it (the hazard of a plain `bigserial`).
public enum StatusLog {
    /// At most this many changes per answer; the client asks again from the returned cursor.
    public static let pageSize = 500

    static func append(novedadID: String, estado: String, nota: String?, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            WITH siguiente AS (
                UPDATE contadores SET valor = valor + 1 WHERE nombre = 'estados' RETURNING valor
            )
            INSERT INTO estados (seq, novedad_id, gestor_id, estado, nota)
            SELECT valor, n.id, n.gestor_id, \(estado), \(nota) FROM siguiente, novedades n WHERE n.id = \(novedadID)::uuid
            """, logger: logger)
    }

    /// Changes of the gestor's own novedades after sequence `after`, oldest first: read from the
    /// index (gestor, seq), so other gestors' changes cost nothing.
    public static func changes(for gestor: AuthenticatedGestor, after: Int64, in database: Database) async throws -> StatusChanges {
        let rows = try await database.client.query(changesQuery(gestorID: gestor.gestorID, after: after), logger: database.logger)
        var changes: [StatusChange] = []
        var cursor = after
        for try await (seq, id, radicado, estado, nota, changedAt) in rows.decode((Int64, String, String, String, String?, String).self) {
            changes.append(StatusChange(id: id, radicado: radicado, estado: estado, nota: nota, cambiado_en: changedAt))
            cursor = seq
        }
        return StatusChanges(cambios: changes, cursor: String(cursor))
    }

    /// The feed's one query; a test reads its plan.
    static func changesQuery(gestorID: Int64, after: Int64) -> PostgresQuery {
        """
        SELECT e.seq, n.id::text, n.radicado, e.estado, e.nota, iso_utc(e.cambiado_en)
        FROM estados e JOIN novedades n ON n.id = e.novedad_id
        WHERE e.gestor_id = \(gestorID) AND e.seq > \(after)
        ORDER BY e.seq
        LIMIT \(pageSize)
        """
    }
}
