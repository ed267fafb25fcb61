import PostgresNIO

/// Taking the photos out of novedades (the retention purge; a titular's request with `--fotos`).
/// The novedades stop naming them; a gestor's claim on a photo goes unless another of their
/// novedades names it; a photo no novedad names and no gestor sent recently (for a novedad
/// still to come) leaves `adjuntos`. Its object leaves the store with `ObjectInventory.collect`,
/// which the caller runs once the transaction is committed.
enum PhotoRelease {
    struct Outcome {
        /// How many photos each novedad named.
        var named: [String: Int] = [:]
        /// How many photos left `adjuntos`.
        var released = 0
    }

    static func release(from novedades: [(id: String, gestorID: Int64)], recentUploadDays: Int,
                        on connection: PostgresConnection, logger: Logger) async throws -> Outcome {
        var outcome = Outcome()
        guard !novedades.isEmpty else { return outcome }
        let gestors = Dictionary(novedades.map { ($0.id, $0.gestorID) }) { first, _ in first }
        let removed = try await connection.query("""
            DELETE FROM novedad_adjuntos WHERE novedad_id = ANY(\(novedades.map(\.id))::uuid[]) RETURNING novedad_id::text, sha256
            """, logger: logger)
        var pairs: [(gestorID: Int64, sha256: String)] = []
        for try await (id, sha256) in removed.decode((String, String).self) {
            outcome.named[id, default: 0] += 1
            if let gestorID = gestors[id] { pairs.append((gestorID, sha256)) }
        }
        guard !pairs.isEmpty else { return outcome }
        try await connection.query("""
            DELETE FROM adjuntos_gestores g
            USING unnest(\(pairs.map(\.gestorID))::bigint[], \(pairs.map(\.sha256))::text[]) AS p(gestor_id, sha256)
            WHERE g.gestor_id = p.gestor_id AND g.sha256 = p.sha256
              AND NOT EXISTS (SELECT 1 FROM novedad_adjuntos a JOIN novedades m ON m.id = a.novedad_id
                              WHERE a.sha256 = g.sha256 AND m.gestor_id = g.gestor_id)
            """, logger: logger)
        let collected = try await connection.query("""
            DELETE FROM adjuntos a
            WHERE a.sha256 = ANY(\(pairs.map(\.sha256))::text[])
              AND NOT EXISTS (SELECT 1 FROM novedad_adjuntos n WHERE n.sha256 = a.sha256)
              AND NOT EXISTS (SELECT 1 FROM adjuntos_gestores g
                              WHERE g.sha256 = a.sha256 AND g.recibido_en >= now() - make_interval(days => \(recentUploadDays)::int))
            RETURNING 1
            """, logger: logger)
        for try await _ in collected.decode(Int.self) { outcome.released += 1 }
        return outcome
    }
}
