import NIOCore
import PostgresNIO

/// The titular's rights on the server (Ley 1581 de 2012, art. 8): to know what is held about
/// them (`titular consultar`) and to have it deleted (`titular suprimir`). Run by the district's
/// data-protection staff from the command line; nothing here is reachable over HTTP.
public struct TitularRequests: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One novedad holding the person's contact data.
    public struct Finding: Encodable, Equatable, Sendable {
        public let radicado: String
        public let id: String
        public let recibida_en: String
        public let estado: String
        public let gestor: String
        public let contacto: TitularContact
    }

    /// What `suppress` did.
    public struct Suppression: Equatable, Sendable {
        public let hadContact: Bool
        /// The photos the novedad named, taken out of it (with `photos`).
        public let photos: Int
        public let auditID: Int64
    }

    /// Every novedad whose contact data is the person's, oldest first. Bodies are read whole
    /// (skipping those whose text says `"contacto":null`) and matched here, where names can be
    /// compared without accents.
    public func find(_ query: TitularQuery) async throws -> [Finding] {
        let rows = try await database.client.query("""
            SELECT n.radicado, n.id::text, iso_utc(n.recibida_en), e.estado, g.nombre, n.cuerpo
            FROM novedades n
            JOIN gestores g ON g.id = n.gestor_id
            JOIN LATERAL (SELECT estado FROM estados WHERE novedad_id = n.id ORDER BY seq DESC LIMIT 1) e ON true
            WHERE position('"contacto"'::bytea IN n.cuerpo) > 0 AND position('"contacto":null'::bytea IN n.cuerpo) = 0
            ORDER BY n.recibida_en, n.radicado
            """, logger: database.logger)
        var found: [Finding] = []
        for try await (radicado, id, receivedAt, estado, gestor, body) in rows.decode((String, String, String, String, String, ByteBuffer).self) {
            guard let contact = TitularContact(body: body.readableBytesView), contact.matches(query) else { continue }
            found.append(Finding(radicado: radicado, id: id, recibida_en: receivedAt, estado: estado, gestor: gestor, contacto: contact))
        }
        return found
    }

    /// Removes the contact data of the novedad with this radicado and records it (who, when,
    /// why). A reason that names the titular is refused: the audit must not keep their data.
    /// With `photos` (when they show the person) the novedad's photos go too, as the retention
    /// purge takes them; their objects leave the store with `ObjectInventory.collect`.
    public func suppress(radicado: String, user: String, reason: String?, photos: Bool,
                         recentUploadDays: Int) async throws -> Suppression {
        let logger = database.logger
        return try await database.client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query("SELECT id::text, gestor_id, cuerpo FROM novedades WHERE radicado = \(radicado) FOR UPDATE", logger: logger)
            var stored: (id: String, gestorID: Int64, body: ByteBuffer)?
            for try await (id, gestorID, body) in rows.decode((String, Int64, ByteBuffer).self) { stored = (id, gestorID, body) }
            guard let stored else { throw ServerFailure("No hay una novedad con radicado «\(radicado)».") }
            if let reason, let contact = TitularContact(body: stored.body.readableBytesView), contact.isMentioned(in: reason) {
                throw ServerFailure("El motivo no puede llevar el nombre ni el teléfono del titular: el registro de auditoría no guarda sus datos. No se cambió nada.")
            }
            let rewritten = ContactRemoval.body(withoutContactOf: stored.body)
            if let rewritten {
                try await connection.query("UPDATE novedades SET cuerpo = \(rewritten) WHERE id = \(stored.id)::uuid", logger: logger)
            }
            let released = photos ? try await PhotoRelease.release(from: [(stored.id, stored.gestorID)], recentUploadDays: recentUploadDays,
                                                                   on: connection, logger: logger) : PhotoRelease.Outcome()
            let photoCount = released.named[stored.id] ?? 0
            let auditID = try await ContactRemoval.record(novedadID: stored.id, cause: .request, user: user, reason: reason,
                                                          hadContact: rewritten != nil, photos: photoCount, on: connection, logger: logger)
            return Suppression(hadContact: rewritten != nil, photos: photoCount, auditID: auditID)
        }
    }
}
