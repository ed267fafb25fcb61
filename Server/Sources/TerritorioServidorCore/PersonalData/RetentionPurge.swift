import NIOCore
import PostgresNIO

/// Removes the contact data and the photos of novedades kept long enough (`RetentionSettings`),
/// a batch per transaction, each purged novedad marked and recorded in `retiros_datos`. A photo
/// leaves the store once no novedad names it and no gestor sent it recently for a novedad still
/// to come; the radicado, the statuses and the rest of the novedad stay.
public struct RetentionPurge: Sendable {
    /// What one run removed.
    public struct Outcome: Sendable, Equatable {
        public var novedades = 0
        public var photos = 0
    }

    let database: Database
    let settings: RetentionSettings
    /// Who runs it, for the audit: the operating-system user.
    let user: String
    /// A photo another gestor sent within this many days stays for their novedad.
    let recentUploadDays: Int
    static let batchSize = 100

    public init(database: Database, settings: RetentionSettings, user: String, recentUploadDays: Int) {
        self.database = database
        self.settings = settings
        self.user = user
        self.recentUploadDays = recentUploadDays
    }

    /// Purges every novedad due, batch after batch. The photos' objects are left for
    /// `ObjectInventory.collect`, which the caller runs after.
    public func run() async throws -> Outcome {
        var outcome = Outcome()
        while true {
            let batch = try await purgeBatch()
            outcome.novedades += batch.novedades
            outcome.photos += batch.photos
            if batch.candidates < Self.batchSize { return outcome }
        }
    }

    private struct Candidate {
        let id: String
        let gestorID: Int64
        let body: ByteBuffer
        let closed: Bool
    }

    private func purgeBatch() async throws -> (candidates: Int, novedades: Int, photos: Int) {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT n.id::text, n.gestor_id, n.cuerpo, e.estado IN ('atendida', 'cerrada')
                FROM novedades n
                JOIN LATERAL (SELECT estado, cambiado_en FROM estados WHERE novedad_id = n.id ORDER BY seq DESC LIMIT 1) e ON true
                WHERE n.purgada_en IS NULL
                  AND CASE WHEN e.estado IN ('atendida', 'cerrada')
                           THEN e.cambiado_en <= now() - make_interval(days => \(settings.closedDays)::int)
                           ELSE n.recibida_en <= now() - make_interval(days => \(settings.openDays)::int) END
                ORDER BY n.recibida_en
                LIMIT \(Self.batchSize)
                FOR UPDATE OF n SKIP LOCKED
                """, logger: logger)
            var candidates: [Candidate] = []
            for try await (id, gestorID, body, closed) in rows.decode((String, Int64, ByteBuffer, Bool).self) {
                candidates.append(Candidate(id: id, gestorID: gestorID, body: body, closed: closed))
            }
            guard !candidates.isEmpty else { return (0, 0, 0) }
            let photos = try await PhotoRelease.release(from: candidates.map { ($0.id, $0.gestorID) }, recentUploadDays: recentUploadDays,
                                                        on: connection, logger: logger)
            var purged = 0
            for candidate in candidates {
                let rewritten = ContactRemoval.body(withoutContactOf: candidate.body)
                try await connection.query("""
                    UPDATE novedades SET cuerpo = coalesce(\(rewritten)::bytea, cuerpo), purgada_en = now() WHERE id = \(candidate.id)::uuid
                    """, logger: logger)
                let photoCount = photos.named[candidate.id] ?? 0
                guard rewritten != nil || photoCount > 0 else { continue }
                let days = candidate.closed ? settings.closedDays : settings.openDays
                let reason = candidate.closed ? "plazo de conservación: \(days) días desde «atendida» o «cerrada»"
                                              : "plazo de conservación: \(days) días desde que se recibió, sin cerrarse"
                _ = try await ContactRemoval.record(novedadID: candidate.id, cause: .retention, user: user, reason: reason,
                                                    hadContact: rewritten != nil, photos: photoCount, on: connection, logger: logger)
                purged += 1
            }
            return (candidates.count, purged, photos.released)
        }
    }
}
