import PostgresNIO

/// Published catalogue versions, numbered 1, 2, 3… (the cursor clients keep), each with all its
/// routes as rows so the delta between any two versions is two set differences in SQL.
/// Versions are never deleted, so every cursor this server ever gave out stays valid.
public struct CatalogueStore: Sendable {
    /// Rows per insert when publishing: one statement per route would take minutes for 200 000.
    static let insertBatch = 1_000

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores the file as the next version and returns its sequence number. The counter row's lock
    /// serialises publishers, so versions appear in number order.
    public func publish(_ file: CatalogueFile) async throws -> Int64 {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            var sequence: Int64 = 0
            let counter = try await connection.query(
                "UPDATE contadores SET valor = valor + 1 WHERE nombre = 'catalogo' RETURNING valor", logger: logger)
            for try await value in counter.decode(Int64.self) { sequence = value }
            try await connection.query("""
                INSERT INTO catalogo_versiones (seq, version, fecha, muestra, aviso, referencias, fuentes)
                VALUES (\(sequence), \(file.version), \(file.date), \(file.isSample), \(file.notice), \(file.references), \(file.sources))
                """, logger: logger)
            var start = 0
            while start < file.routes.count {
                let batch = file.routes[start..<min(start + Self.insertBatch, file.routes.count)]
                try await connection.query("""
                    INSERT INTO catalogo_rutas (seq, posicion, ruta_id, documento)
                    SELECT \(sequence), \(start) + posicion, ruta_id, documento
                    FROM unnest(\(batch.map(\.id))::text[], \(batch.map(\.document))::text[]) WITH ORDINALITY AS r(ruta_id, documento, posicion)
                    """, logger: logger)
                start += Self.insertBatch
            }
            return sequence
        }
    }

    /// The newest published version, 0 when none.
    public func newest() async throws -> Int64 {
        let rows = try await database.client.query("SELECT coalesce(max(seq), 0) FROM catalogo_versiones", logger: database.logger)
        for try await sequence in rows.decode(Int64.self) { return sequence }
        return 0
    }

    /// The changes from version `from` (0: none, so everything) to the published version `to`, or
    /// nil when either was never published.
    public func delta(from: Int64, to: Int64) async throws -> CatalogueDelta? {
        guard let newest = try await storedVersion(to) else { return nil }
        if from != 0 {
            guard from <= to, try await storedVersion(from) != nil else { return nil }
        }
        let changed: PostgresRowSequence
        if from == 0 {
            changed = try await database.client.query(
                "SELECT documento FROM catalogo_rutas WHERE seq = \(to) ORDER BY posicion", logger: database.logger)
        } else {
            changed = try await database.client.query("""
                SELECT r.documento FROM catalogo_rutas r
                WHERE r.seq = \(to) AND NOT EXISTS (
                    SELECT 1 FROM catalogo_rutas o WHERE o.seq = \(from) AND o.ruta_id = r.ruta_id AND o.documento = r.documento)
                ORDER BY r.posicion
                """, logger: database.logger)
        }
        var routes: [String] = []
        for try await document in changed.decode(String.self) { routes.append(document) }
        let deleted = try await database.client.query("""
            SELECT o.ruta_id FROM catalogo_rutas o
            WHERE o.seq = \(from) AND NOT EXISTS (SELECT 1 FROM catalogo_rutas r WHERE r.seq = \(to) AND r.ruta_id = o.ruta_id)
            ORDER BY o.posicion
            """, logger: database.logger)
        var deletedIDs: [String] = []
        for try await id in deleted.decode(String.self) { deletedIDs.append(id) }
        return CatalogueDelta(cursor: String(to), isComplete: from == 0, version: newest.version,
                              references: newest.references, sources: newest.sources, routes: routes, deletedRouteIDs: deletedIDs)
    }

    private func storedVersion(_ sequence: Int64) async throws -> (version: CatalogueDelta.Version, references: String, sources: String?)? {
        let rows = try await database.client.query("""
            SELECT version, fecha, muestra, aviso, referencias, fuentes FROM catalogo_versiones WHERE seq = \(sequence)
            """, logger: database.logger)
        for try await (version, date, isSample, notice, references, sources) in rows.decode((String, String, Bool, String?, String, String?).self) {
            return (CatalogueDelta.Version(version: version, date: date, isSample: isSample, notice: notice), references, sources)
        }
        return nil
    }
}
