/// A situation a district entity must attend, as the gestor reported it, with where it is in
/// its life (drafting, queued, sent) and what sync recorded about it.
public struct Novedad: Equatable, Sendable {
    /// Client-generated lowercase UUID; never changes.
    public let id: String
    public internal(set) var state: NovedadState
    /// Novedad type id (`referencias tipos`).
    public internal(set) var type: String?
    /// Competent entity id: the type's usual entity unless the gestor chose another.
    public internal(set) var entity: String?
    public internal(set) var localidad: String?
    public internal(set) var neighborhood: String?
    public internal(set) var address: String?
    public internal(set) var coordinates: Coordinates?
    /// UTC, ISO 8601.
    public internal(set) var observedAt: String
    public internal(set) var description: String
    public internal(set) var urgency: String?
    public internal(set) var populationGroups: [String]
    public internal(set) var contact: CitizenContact?
    /// The route it relates to, if any.
    public internal(set) var route: String?
    public internal(set) var catalogueVersion: String?
    public internal(set) var author: String?
    public internal(set) var createdAt: String
    public internal(set) var updatedAt: String
    /// The rejected novedad this one corrects.
    public internal(set) var corrects: String?
    public internal(set) var attachments: [AttachmentRecord]
    public internal(set) var outbox: OutboxStatus
    /// When the draft was moved to the papelera (UTC, ISO 8601); nil while it is not there.
    public internal(set) var trashedAt: String? = nil

    public var json: JSONValue {
        .object([("id", .string(id)), ("estado", .string(state.rawValue)), ("radicado", .optional(outbox.radicado))]
            + reportFields
            + [
                ("actualizada_en", .string(updatedAt)),
                ("adjuntos", .array(attachments.map(\.json))),
                ("intentos", .integer(Int64(outbox.attempts))),
                ("ultimo_error", .optional(outbox.lastError)),
                ("proximo_intento", .optional(outbox.nextAttempt)),
                ("estado_remoto", .optional(outbox.remoteStatus)),
                ("nota_remota", .optional(outbox.remoteNote)),
                ("motivo_rechazo", .optional(outbox.rejectionReason)),
                ("enviada_en", .optional(outbox.sentAt)),
                ("purgada_en", .optional(outbox.purgedAt)),
                ("papelera_en", .optional(trashedAt)),
            ])
    }

    /// What is sent, fixed at `encolar`: the fields and the attachments' hashes, in a stable
    /// order. Once a send was attempted, this UUID is only ever sent with these bytes.
    var payload: JSONValue {
        .object([("id", .string(id))] + reportFields + [
            ("adjuntos", .array(attachments.map {
                .object([("sha256", .string($0.sha256)), ("nombre", .string($0.name)), ("bytes", .integer(Int64($0.bytes))),
                         ("formato", .string($0.format.rawValue))])
            })),
        ])
    }

    /// The report as the gestor wrote it: the same in `json` and in what is sent.
    private var reportFields: [(key: String, value: JSONValue)] {
        [
            ("tipo", .optional(type)),
            ("entidad", .optional(entity)),
            ("localidad", .optional(localidad)),
            ("barrio", .optional(neighborhood)),
            ("direccion", .optional(address)),
            ("coordenadas", coordinates?.json ?? .null),
            ("observada_en", .string(observedAt)),
            ("descripcion", .string(description)),
            ("urgencia", .optional(urgency)),
            ("poblaciones", .strings(populationGroups)),
            ("contacto", contact?.json ?? .null),
            ("ruta", .optional(route)),
            ("catalogo_version", .optional(catalogueVersion)),
            ("autor", .optional(author)),
            ("creada_en", .string(createdAt)),
            ("corrige", .optional(corrects)),
        ]
    }
}

/// What the outbox and sync know of a novedad: attempts, last error, next retry, and what the
/// server answered.
public struct OutboxStatus: Equatable, Sendable {
    public internal(set) var attempts: Int = 0
    public internal(set) var lastError: String?
    /// UTC, ISO 8601.
    public internal(set) var nextAttempt: String?
    /// Set at the first send attempt: from then on the novedad cannot return to draft.
    public internal(set) var sendAttempted: Bool = false
    public internal(set) var radicado: String?
    public internal(set) var remoteStatus: String?
    /// The note that came with the latest status.
    public internal(set) var remoteNote: String?
    public internal(set) var rejectionReason: String?
    public internal(set) var sentAt: String?
    public internal(set) var purgedAt: String?
}
