import NIOCore
import PostgresNIO
import TerritorioWire

/// Accepted novedades: their exact bytes, who sent them, their radicado and attachments.
/// Idempotent by id: the primary key is the idempotency key, so a retry after a lost answer, or two
/// identical requests racing, end as one row and one radicado. "The same bytes" is told by the
/// body's keyed digest (`DigestSecret`), which stays when contact data leaves the stored body.
public struct NovedadStore: Sendable {
    /// How an attempt to store a novedad ended.
    public enum Outcome: Equatable, Sendable {
        case created(NovedadReceipt)
        /// The same bytes were already stored: the original receipt.
        case replayed(NovedadReceipt)
        /// The id is taken by other bytes (the stored novedad's radicado).
        case conflict(radicado: String)
        /// These referenced attachments are not on the server; nothing was stored.
        case missingAttachments([String])
    }

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func accept(id: String, body: ByteBuffer, bodyDigest: String, attachments: [String], from gestor: AuthenticatedGestor) async throws -> Outcome {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            if let earlier = try await Self.existing(id: id, bodyDigest: bodyDigest, on: connection, logger: logger) {
                return earlier
            }
            let missing = try await Self.missing(among: attachments, for: gestor.gestorID, on: connection, logger: logger)
            guard missing.isEmpty else { return .missingAttachments(missing) }
            let inserted = try await connection.query("""
                INSERT INTO novedades (id, radicado, gestor_id, token_id, cuerpo, cuerpo_hmac)
                VALUES (\(id)::uuid, nuevo_radicado(), \(gestor.gestorID), \(gestor.tokenID), \(body), \(bodyDigest))
                ON CONFLICT (id) DO NOTHING
                RETURNING radicado, iso_utc(recibida_en)
                """, logger: logger)
            var receipt: NovedadReceipt?
            for try await (radicado, receivedAt) in inserted.decode((String, String).self) {
                receipt = NovedadReceipt(id: id, radicado: radicado, estado: "recibida", recibida_en: receivedAt)
            }
            guard let receipt else {
                // A concurrent request with this id committed first: answer as if it came after it.
                guard let earlier = try await Self.existing(id: id, bodyDigest: bodyDigest, on: connection, logger: logger) else {
                    throw ServerFailure("La novedad \(id) chocó con otra solicitud que no quedó guardada; reintente.")
                }
                return earlier
            }
            if !attachments.isEmpty {
                try await connection.query("""
                    INSERT INTO novedad_adjuntos (novedad_id, posicion, sha256)
                    SELECT \(id)::uuid, posicion, sha256 FROM unnest(\(attachments)::text[]) WITH ORDINALITY AS a(sha256, posicion)
                    """, logger: logger)
            }
            try await StatusLog.append(novedadID: id, estado: "recibida", nota: nil, on: connection, logger: logger)
            return .created(receipt)
        }
    }

    /// Every accepted novedad, oldest first, with its current status and attachments.
    public func list() async throws -> [AcceptedNovedad] {
        let rows = try await database.client.query("""
            SELECT n.radicado, n.id::text, e.estado, g.nombre, iso_utc(n.recibida_en),
                   coalesce((SELECT array_agg(a.sha256 ORDER BY a.posicion) FROM novedad_adjuntos a WHERE a.novedad_id = n.id), '{}')
            FROM novedades n
            JOIN gestores g ON g.id = n.gestor_id
            JOIN LATERAL (SELECT estado FROM estados WHERE novedad_id = n.id ORDER BY seq DESC LIMIT 1) e ON true
            ORDER BY n.recibida_en, n.radicado
            """, logger: database.logger)
        var result: [AcceptedNovedad] = []
        for try await (radicado, id, estado, gestor, receivedAt, attachments) in rows.decode((String, String, String, String, String, [String]).self) {
            result.append(AcceptedNovedad(radicado: radicado, id: id, estado: estado, gestor: gestor, recibida_en: receivedAt, adjuntos: attachments))
        }
        return result
    }

    /// Records a new status for the novedad with this radicado.
    public func setStatus(radicado: String, estado: String, nota: String?) async throws {
        guard StatusChange.states.contains(estado) else {
            throw ServerFailure("Estado «\(estado)» desconocido: use \(StatusChange.states.joined(separator: ", ")).")
        }
        let logger = database.logger
        let found = try await database.client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query("SELECT id::text FROM novedades WHERE radicado = \(radicado)", logger: logger)
            for try await id in rows.decode(String.self) {
                try await StatusLog.append(novedadID: id, estado: estado, nota: nota, on: connection, logger: logger)
                return true
            }
            return false
        }
        guard found else { throw ServerFailure("No hay una novedad con radicado «\(radicado)».") }
    }

    /// The answer for an id already stored: a replay for the same bytes, a conflict otherwise.
    private static func existing(id: String, bodyDigest: String, on connection: PostgresConnection, logger: Logger) async throws -> Outcome? {
        let rows = try await connection.query("""
            SELECT radicado, cuerpo_hmac, iso_utc(recibida_en) FROM novedades WHERE id = \(id)::uuid
            """, logger: logger)
        for try await (radicado, storedDigest, receivedAt) in rows.decode((String, String, String).self) {
            guard storedDigest == bodyDigest else { return .conflict(radicado: radicado) }
            return .replayed(NovedadReceipt(id: id, radicado: radicado, estado: "recibida", recibida_en: receivedAt))
        }
        return nil
    }

    /// The attachments this gestor has not sent (another gestor's copy does not count). The rows
    /// found are locked until the novedad commits, so `mantenimiento` cannot collect them between.
    private static func missing(among hashes: [String], for gestorID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        guard !hashes.isEmpty else { return [] }
        let rows = try await connection.query("""
            SELECT sha256 FROM adjuntos_gestores WHERE gestor_id = \(gestorID) AND sha256 = ANY(\(hashes)::text[]) FOR KEY SHARE
            """, logger: logger)
        var present = Set<String>()
        for try await hash in rows.decode(String.self) { present.insert(hash) }
        var seen = Set<String>()
        return hashes.filter { !present.contains($0) && seen.insert($0).inserted }
    }
}

/// One line of `novedad listar`.
public struct AcceptedNovedad: Codable, Equatable, Sendable {
    public let radicado: String
    public let id: String
    public let estado: String
    public let gestor: String
    public let recibida_en: String
    public let adjuntos: [String]
}
