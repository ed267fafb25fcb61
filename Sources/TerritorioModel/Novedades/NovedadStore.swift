import Foundation

/// Novedades in the store: drafts and their edits, attachments, the lifecycle transitions of
/// docs/diseno.md (each one SQLite transaction, recorded in `transiciones`), and the outbox fields
/// sync reads and writes. Every refused operation changes nothing.
public final class NovedadStore {
    let database: Database
    let files: AttachmentFiles
    let limits: AttachmentLimits
    private let now: @Sendable () -> Date

    public init(database: Database, files: AttachmentFiles, limits: AttachmentLimits = AttachmentLimits(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.files = files
        self.limits = limits
        self.now = clock
    }

    private var timestamp: String { Timestamp.string(from: now()) }

    // MARK: - Reading

    /// The novedad whose id is `idOrPrefix` or uniquely begins with it.
    public func novedad(_ idOrPrefix: String) throws -> Novedad {
        try load(try resolve(idOrPrefix))
    }

    /// The full id for a unique prefix (at least 4 characters, or the whole id).
    public func resolve(_ idOrPrefix: String) throws -> String {
        let prefix = idOrPrefix.lowercased()
        let matches: [String] = try database.query(
            "SELECT id FROM novedades WHERE substr(id, 1, length(?)) = ? ORDER BY id LIMIT 6", [prefix, prefix]
        ).map { try $0.get(0) }
        if matches.contains(prefix) { return prefix }
        guard prefix.count >= 4, let first = matches.first else { throw NovedadError.notFound(idOrPrefix) }
        guard matches.count == 1 else { throw NovedadError.ambiguousId(idOrPrefix, candidates: matches.map { String($0.prefix(8)) }) }
        return first
    }

    /// Novedades, newest first, optionally in one state; those in the papelera are not listed.
    public func list(state: NovedadState? = nil) throws -> [Novedad] {
        let ids: [String] = try database.query(
            "SELECT id FROM novedades WHERE papelera_en IS NULL AND (?1 IS NULL OR estado = ?1) ORDER BY creada_en DESC, id",
            [state?.rawValue]
        ).map { try $0.get(0) }
        return try ids.map(load)
    }

    /// The drafts in the papelera, the most recently deleted first.
    public func trash() throws -> [Novedad] {
        let ids: [String] = try database.query(
            "SELECT id FROM novedades WHERE papelera_en IS NOT NULL ORDER BY papelera_en DESC, id"
        ).map { try $0.get(0) }
        return try ids.map(load)
    }

    /// How many novedades are in each state (for the interface's header), the papelera apart.
    public func counts() throws -> [NovedadState: Int] {
        var counts: [NovedadState: Int] = [:]
        for row in try database.query("SELECT estado, count(*) FROM novedades WHERE papelera_en IS NULL GROUP BY estado") {
            if let state = NovedadState(rawValue: try row.get(0)) { counts[state] = try row.get(1) }
        }
        return counts
    }

    /// The audit trail of a novedad: every transition, oldest first.
    public func transitions(of id: String) throws -> [(from: NovedadState?, to: String, at: String, detail: String?)] {
        try database.query("SELECT desde, hacia, en, detalle FROM transiciones WHERE novedad = ? ORDER BY numero", [id]).map {
            ((try $0.get(0, as: String?.self)).flatMap(NovedadState.init(rawValue:)), try $0.get(1), try $0.get(2), try $0.get(3))
        }
    }

    /// Everything a draft lacks before it can be queued, every problem at once.
    public func problems(of id: String) throws -> [ValidationProblem] {
        NovedadValidator.problems(of: try load(id), profile: try ProfileStore(database: database).load(),
                                  references: try CatalogueStore(database: database).references())
    }

    // MARK: - Drafts

    /// A new draft with `changes` applied and `attachments` attached — and queued when
    /// `enqueue` — all or nothing: a refused photo or a failed validation leaves no draft.
    public func create(_ changes: NovedadChanges, attachments: [String] = [], keepLocation: Bool = false,
                       enqueue: Bool = false) throws -> Novedad {
        let id = UUID().uuidString.lowercased()
        try files.whileWriting {
            try database.transaction {
                let time = timestamp
                let profile = try ProfileStore(database: database).load()
                try database.execute("""
                    INSERT INTO novedades (id, estado, observada_en, descripcion, poblaciones, catalogo_version, autor,
                                           creada_en, actualizada_en)
                    VALUES (?, 'borrador', ?, '', '[]', ?, ?, ?, ?)
                    """, [id, time, try CatalogueStore(database: database).info()?.version, profile.name, time, time])
                try record(id, from: nil, to: NovedadState.borrador.rawValue, detail: nil)
                try apply(changes, to: id)
                for path in attachments { try attachInside(id, path: path, keepLocation: keepLocation) }
                if enqueue { try enqueueInside(id) }
            }
        }
        return try load(id)
    }

    /// Edits a draft, attaches `attachments`, and queues it when `enqueue` — all or nothing.
    /// Queued, sent and rejected novedades refuse every edit.
    public func update(_ idOrPrefix: String, _ changes: NovedadChanges, attachments: [String] = [],
                       keepLocation: Bool = false, enqueue: Bool = false) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try files.whileWriting {
            try database.transaction {
                try requireState(id, [.borrador], operation: "editar")
                try apply(changes, to: id)
                for path in attachments { try attachInside(id, path: path, keepLocation: keepLocation) }
                if enqueue { try enqueueInside(id) }
            }
        }
        return try load(id)
    }

    /// Attaches the photo at `path` to a draft.
    public func attach(_ idOrPrefix: String, path: String, keepLocation: Bool = false) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try files.whileWriting {
            try database.transaction {
                try requireState(id, [.borrador], operation: "adjuntar fotos")
                try attachInside(id, path: path, keepLocation: keepLocation)
                try touch(id)
            }
        }
        return try load(id)
    }

    /// Removes from a draft the attachment whose hash begins with `hashPrefix`. The file goes at
    /// the next garbage collection if nothing else uses it.
    public func removeAttachment(_ idOrPrefix: String, hashPrefix: String) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try database.transaction {
            try requireState(id, [.borrador], operation: "quitar adjuntos")
            let prefix = hashPrefix.lowercased()
            let hashes: [String] = try database.query(
                "SELECT sha256 FROM adjuntos WHERE novedad = ? AND substr(sha256, 1, length(?)) = ?", [id, prefix, prefix]
            ).map { try $0.get(0) }
            guard !prefix.isEmpty, hashes.count == 1 else {
                if hashes.count > 1 {
                    throw NovedadError.invalidValue(field: "adjunto", reason: "«\(hashPrefix)» es el comienzo de varios adjuntos; escriba más caracteres")
                }
                throw NovedadError.noSuchAttachment(id: String(id.prefix(8)), prefix: hashPrefix)
            }
            try database.execute("DELETE FROM adjuntos WHERE novedad = ? AND sha256 = ?", [id, hashes[0]])
            try touch(id)
        }
        return try load(id)
    }

    /// Moves a draft to the papelera (only drafts: anything queued may already be on its way).
    /// It leaves every list, keeps its photos, and can be restored until the retention purge
    /// removes it (`RetentionPolicy.defaultDays`).
    public func delete(_ idOrPrefix: String) throws {
        let id = try resolve(idOrPrefix)
        try database.transaction {
            try requireState(id, [.borrador], operation: "borrar")
            try database.execute("UPDATE novedades SET papelera_en = ? WHERE id = ?", [timestamp, id])
            try record(id, from: .borrador, to: Self.trashState, detail: nil)
        }
    }

    /// Brings a draft back from the papelera, as it was.
    /// - Throws: `NovedadError.notInTrash` when it is not there.
    public func restore(_ idOrPrefix: String) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try database.transaction {
            guard try database.scalar("SELECT papelera_en FROM novedades WHERE id = ?", [id], as: String.self) != nil else {
                throw NovedadError.notInTrash(id)
            }
            try database.execute("UPDATE novedades SET papelera_en = NULL, actualizada_en = ? WHERE id = ?", [timestamp, id])
            try record(id, fromName: Self.trashState, to: NovedadState.borrador.rawValue, detail: nil)
        }
        return try load(id)
    }

    /// Puts back a photo removed from a draft (Ctrl-Z in the form), with its name and order, while
    /// its file is still kept.
    public func restoreAttachment(_ idOrPrefix: String, _ attachment: AttachmentRecord, order: Int) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try files.whileWriting {
            try database.transaction {
                try requireState(id, [.borrador], operation: "adjuntar fotos")
                guard FileManager.default.fileExists(atPath: files.path(forSHA256: attachment.sha256)) else {
                    throw NovedadError.attachment(path: attachment.name, reason: "la foto ya no está guardada; adjúntela otra vez")
                }
                try database.execute("""
                    INSERT INTO adjuntos (novedad, sha256, orden, nombre, bytes, ancho, alto, formato, ubicacion_removida,
                                          ubicacion_conservada)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, [id, attachment.sha256, order, attachment.name, attachment.bytes, attachment.width, attachment.height,
                          attachment.format.rawValue, attachment.locationRemoved, attachment.keptLocation])
                try touch(id)
            }
        }
        return try load(id)
    }

    // MARK: - Lifecycle

    /// Validates a draft and, if nothing is missing, freezes the bytes to send and queues it.
    /// - Throws: `NovedadError.incomplete` listing every problem.
    public func enqueue(_ idOrPrefix: String) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try database.transaction { try enqueueInside(id) }
        return try load(id)
    }

    private func enqueueInside(_ id: String) throws {
        try requireState(id, [.borrador], operation: "encolar")
        let profile = try ProfileStore(database: database).load()
        try database.execute("UPDATE novedades SET autor = ?, catalogo_version = coalesce(?, catalogo_version) WHERE id = ?",
                             [profile.name, try CatalogueStore(database: database).info()?.version, id])
        let novedad = try load(id)
        let problems = NovedadValidator.problems(of: novedad, profile: profile,
                                                 references: try CatalogueStore(database: database).references())
            + (try ServerLimits.saved(in: database)?.problems(of: novedad.attachments) ?? [])
        guard problems.isEmpty else { throw NovedadError.incomplete(problems) }
        try database.execute("UPDATE novedades SET estado = 'en_cola', carga = ?, actualizada_en = ? WHERE id = ?",
                             [JSONWriter.string(novedad.payload), timestamp, id])
        try record(id, from: .borrador, to: NovedadState.enCola.rawValue, detail: nil)
    }

    /// Returns a queued novedad to draft — only if no send was ever attempted.
    public func dequeue(_ idOrPrefix: String) throws -> Novedad {
        let id = try resolve(idOrPrefix)
        try database.transaction {
            try requireState(id, [.enCola], operation: "desencolar")
            let attempted = try database.scalar("SELECT envio_intentado FROM novedades WHERE id = ?", [id], as: Bool.self) ?? true
            guard !attempted else {
                throw NovedadError.invalidValue(field: "estado", reason: "ya se intentó enviar esta novedad: desde entonces solo puede enviarse tal como quedó al encolarla")
            }
            try database.execute("UPDATE novedades SET estado = 'borrador', carga = NULL, proximo_intento = NULL, actualizada_en = ? WHERE id = ?",
                                 [timestamp, id])
            try record(id, from: .enCola, to: NovedadState.borrador.rawValue, detail: nil)
        }
        return try load(id)
    }

    /// A new draft, with a new UUID, copying a rejected novedad's fields and attachments and
    /// recording which novedad it corrects.
    public func correct(_ idOrPrefix: String) throws -> Novedad {
        let original = try resolve(idOrPrefix)
        let id = UUID().uuidString.lowercased()
        try database.transaction {
            try requireState(original, [.rechazada], operation: "corregir")
            let time = timestamp
            try database.execute("""
                INSERT INTO novedades (id, estado, tipo, entidad, localidad, barrio, direccion, latitud, longitud, observada_en,
                    descripcion, urgencia, poblaciones, contacto_nombre, contacto_telefono, contacto_sensible, contacto_menor,
                    consentimiento_version, consentimiento_por, consentimiento_en, ruta, catalogo_version, autor,
                    creada_en, actualizada_en, corrige)
                SELECT ?, 'borrador', tipo, entidad, localidad, barrio, direccion, latitud, longitud, observada_en,
                    descripcion, urgencia, poblaciones, contacto_nombre, contacto_telefono, contacto_sensible, contacto_menor,
                    consentimiento_version, consentimiento_por, consentimiento_en, ruta, catalogo_version, autor, ?, ?, id
                FROM novedades WHERE id = ?
                """, [id, time, time, original])
            try database.execute("""
                INSERT INTO adjuntos (novedad, sha256, orden, nombre, bytes, ancho, alto, formato, ubicacion_removida, ubicacion_conservada)
                SELECT ?, sha256, orden, nombre, bytes, ancho, alto, formato, ubicacion_removida, ubicacion_conservada
                FROM adjuntos WHERE novedad = ?
                """, [id, original])
            try record(id, from: nil, to: NovedadState.borrador.rawValue, detail: "corrige \(original)")
        }
        return try load(id)
    }

    // MARK: - Outbox (used by sync)

    /// Queued novedades due for a send, oldest first; with `ignoringBackoff` (the gestor asked to
    /// sync now) every queued one.
    public func due(ignoringBackoff: Bool) throws -> [String] {
        try database.query("""
            SELECT id FROM novedades
            WHERE estado = 'en_cola' AND (? OR proximo_intento IS NULL OR proximo_intento <= ?)
            ORDER BY creada_en, id
            """, [ignoringBackoff, timestamp]).map { try $0.get(0) }
    }

    /// The bytes fixed at `encolar`: what is sent, always the same for this UUID.
    public func frozenPayload(_ id: String) throws -> [UInt8] {
        guard let payload = try database.scalar("SELECT carga FROM novedades WHERE id = ?", [id], as: String.self) else {
            throw NovedadError.notFound(id)
        }
        return Array(payload.utf8)
    }

    /// The latest status the server gave a sent novedad (`en_tramite`, `atendida`, …).
    public func recordRemoteStatus(_ id: String, status: String, note: String?) throws {
        try database.execute("UPDATE novedades SET estado_remoto = ?, nota_remota = ? WHERE id = ? AND estado = 'enviada'",
                             [status, note, id])
    }

    /// Marks a queued novedad as being sent; from now on it cannot return to draft.
    public func beginSending(_ id: String) throws {
        try database.transaction {
            try requireState(id, [.enCola], operation: "enviar")
            try database.execute("""
                UPDATE novedades SET estado = 'enviando', envio_intentado = 1, intentos = intentos + 1 WHERE id = ?
                """, [id])
            try record(id, from: .enCola, to: NovedadState.enviando.rawValue, detail: nil)
        }
    }

    /// A send that failed for a reason that may pass (network, server busy): back to the queue,
    /// with the error and when to retry.
    public func recordTransientFailure(_ id: String, error: String, nextAttempt: Date) throws {
        try database.transaction {
            try requireState(id, [.enviando], operation: "reintentar")
            try database.execute("UPDATE novedades SET estado = 'en_cola', ultimo_error = ?, proximo_intento = ? WHERE id = ?",
                                 [error, Timestamp.string(from: nextAttempt), id])
            try record(id, from: .enviando, to: NovedadState.enCola.rawValue, detail: error)
        }
    }

    /// The server accepted it and gave its radicado.
    public func recordSent(_ id: String, radicado: String) throws {
        try database.transaction {
            try requireState(id, [.enviando], operation: "marcar como enviada")
            try database.execute("""
                UPDATE novedades SET estado = 'enviada', radicado = ?, estado_remoto = 'recibida', enviada_en = ?,
                    ultimo_error = NULL, proximo_intento = NULL
                WHERE id = ?
                """, [radicado, timestamp, id])
            try record(id, from: .enviando, to: NovedadState.enviada.rawValue, detail: radicado)
        }
    }

    /// The server refused the novedad itself: read-only from now on, with its reason.
    public func recordRejected(_ id: String, reason: String) throws {
        try database.transaction {
            try requireState(id, [.enviando], operation: "marcar como rechazada")
            try database.execute("UPDATE novedades SET estado = 'rechazada', motivo_rechazo = ?, proximo_intento = NULL WHERE id = ?",
                                 [reason, id])
            try record(id, from: .enviando, to: NovedadState.rechazada.rawValue, detail: reason)
        }
    }

    /// After a crash, novedades left `enviando` go back to the queue. Only the process holding
    /// the sync lock may call this.
    /// - Returns: how many were recovered.
    @discardableResult
    public func recoverInterruptedSends() throws -> Int {
        try database.transaction {
            let ids: [String] = try database.query("SELECT id FROM novedades WHERE estado = 'enviando'").map { try $0.get(0) }
            for id in ids {
                try database.execute("UPDATE novedades SET estado = 'en_cola' WHERE id = ?", [id])
                try record(id, from: .enviando, to: NovedadState.enCola.rawValue, detail: "recuperada tras una interrupción")
            }
            return ids.count
        }
    }

    // MARK: - Retention

    /// Removes the photos and contact data of novedades sent — or rejected — more than `days`
    /// days ago, keeping radicado (or reason) and summary; deletes the drafts kept longer than
    /// that in the papelera; then the files nothing references. The database zeroes what it
    /// deletes (`secure_delete`) and its write-ahead log is emptied afterwards, so the purged
    /// values are gone from the files, not only from the tables.
    /// - Returns: how many novedades were purged.
    @discardableResult
    public func purge(olderThanDays days: Int) throws -> Int {
        let cutoff = Timestamp.string(from: now().addingTimeInterval(-Double(days) * 86_400))
        let (purged, deleted): (Int, Int) = try database.transaction {
            // A rejected novedad's time is that of its move to `rechazada` in the trail.
            let rows = try database.query("""
                SELECT id, estado FROM novedades
                WHERE purgada_en IS NULL AND (
                    (estado = 'enviada' AND enviada_en <= ?1)
                    OR (estado = 'rechazada' AND (SELECT max(en) FROM transiciones
                                                  WHERE novedad = novedades.id AND hacia = 'rechazada') <= ?1))
                """, [cutoff])
            for row in rows {
                let id: String = try row.get(0)
                let state = NovedadState(rawValue: try row.get(1))
                try database.execute("DELETE FROM adjuntos WHERE novedad = ?", [id])
                try database.execute("""
                    UPDATE novedades SET contacto_nombre = NULL, contacto_telefono = NULL, contacto_sensible = 0, contacto_menor = 0,
                        consentimiento_version = NULL, consentimiento_por = NULL, consentimiento_en = NULL, latitud = NULL,
                        longitud = NULL, carga = NULL, purgada_en = ? WHERE id = ?
                    """, [timestamp, id])
                let after = state == .rechazada ? "rechazada hace más de" : "tras"
                try record(id, from: state, to: "purgada", detail: "fotos y datos de contacto eliminados \(after) \(days) días")
            }
            return (rows.count, try emptyTrash(before: cutoff, days: days))
        }
        try collectGarbage()
        // Only after a purge: emptying the log waits for other connections' reads to end.
        if purged + deleted > 0 { try database.truncateWriteAheadLog() }
        return purged
    }

    /// Deletes for good the drafts that went to the papelera before `cutoff`; their photos go
    /// with the garbage collection that follows.
    /// - Returns: how many were deleted.
    private func emptyTrash(before cutoff: String, days: Int) throws -> Int {
        let ids: [String] = try database.query(
            "SELECT id FROM novedades WHERE papelera_en IS NOT NULL AND papelera_en <= ?", [cutoff]
        ).map { try $0.get(0) }
        for id in ids {
            try database.execute("DELETE FROM novedades WHERE id = ?", [id])
            try record(id, fromName: Self.trashState, to: "borrada", detail: "más de \(days) días en la papelera")
        }
        return ids.count
    }

    /// Removes attachment files no novedad references (and temp files of interrupted copies).
    @discardableResult
    public func collectGarbage() throws -> Int {
        try files.collectGarbage {
            Set(try database.query("SELECT DISTINCT sha256 FROM adjuntos").map { try $0.get(0) })
        }
    }

    // MARK: - Internals

    /// How `transiciones` names the papelera, beside the states.
    private static let trashState = "papelera"

    private func requireState(_ id: String, _ allowed: [NovedadState], operation: String) throws {
        guard let row = try database.query("SELECT estado, papelera_en FROM novedades WHERE id = ?", [id]).first,
              let state = NovedadState(rawValue: try row.get(0)) else { throw NovedadError.notFound(id) }
        guard try row.get(1, as: String?.self) == nil else { throw NovedadError.inTrash(id: id, operation: operation) }
        guard allowed.contains(state) else { throw NovedadError.wrongState(id: id, state: state, operation: operation) }
    }

    private func record(_ id: String, from: NovedadState?, to: String, detail: String?) throws {
        try record(id, fromName: from?.rawValue, to: to, detail: detail)
    }

    /// Records a move whose origin is not a state (the papelera).
    private func record(_ id: String, fromName from: String?, to: String, detail: String?) throws {
        try database.execute("INSERT INTO transiciones (novedad, desde, hacia, en, detalle) VALUES (?, ?, ?, ?, ?)",
                             [id, from, to, timestamp, detail])
    }

    private func touch(_ id: String) throws {
        try database.execute("UPDATE novedades SET actualizada_en = ? WHERE id = ?", [timestamp, id])
    }

    private func attachInside(_ id: String, path: String, keepLocation: Bool) throws {
        let count = try database.scalar("SELECT count(*) FROM adjuntos WHERE novedad = ?", [id], as: Int.self) ?? 0
        let order = try database.scalar("SELECT coalesce(max(orden) + 1, 0) FROM adjuntos WHERE novedad = ?", [id], as: Int.self) ?? count
        guard count < limits.maximumPerNovedad else {
            throw NovedadError.attachment(path: path, reason: "una novedad lleva a lo sumo \(limits.maximumPerNovedad) fotos")
        }
        let server = try ServerLimits.saved(in: database)
        if let reason = server?.refusal(ofPhotoCount: count + 1) { throw NovedadError.attachment(path: path, reason: reason) }
        let attachment = try files.store(sourcePath: path, keepLocation: keepLocation, limits: limits)
        if let reason = server?.refusal(ofPhotoBytes: attachment.bytes) { throw NovedadError.attachment(path: path, reason: reason) }
        let exists = try database.scalar("SELECT 1 FROM adjuntos WHERE novedad = ? AND sha256 = ?", [id, attachment.sha256], as: Int.self)
        guard exists == nil else {
            throw NovedadError.attachment(path: path, reason: "esa misma foto ya está adjunta a esta novedad")
        }
        try database.execute("""
            INSERT INTO adjuntos (novedad, sha256, orden, nombre, bytes, ancho, alto, formato, ubicacion_removida, ubicacion_conservada)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, attachment.sha256, order, attachment.name, attachment.bytes, attachment.width, attachment.height,
                  attachment.format.rawValue, attachment.locationRemoved, attachment.keptLocation])
    }

    private func apply(_ changes: NovedadChanges, to id: String) throws {
        try NovedadEditor(database: database, timestamp: timestamp).apply(changes, to: id)
    }

    private func load(_ id: String) throws -> Novedad {
        try NovedadReader(database: database).load(id)
    }
}
