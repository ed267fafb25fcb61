/// What a sync run did, for the command line and the interface.
public struct SyncReport: Equatable, Sendable {
    public var sent: [(id: String, radicado: String)] = []
    public var rejected: [(id: String, reason: String)] = []
    /// Novedades left in the queue by a transient failure, with its reason.
    public var deferred: [(id: String, reason: String)] = []
    public var statusesUpdated = 0
    /// The catalogue version now in use when the pull changed it.
    public var catalogueVersion: String?
    /// Why the run stopped early, when it did (a revoked token).
    public var stoppedBecause: SyncError?

    public static func == (lhs: SyncReport, rhs: SyncReport) -> Bool {
        lhs.sent.map { "\($0.id) \($0.radicado)" } == rhs.sent.map { "\($0.id) \($0.radicado)" }
            && lhs.rejected.map { "\($0.id) \($0.reason)" } == rhs.rejected.map { "\($0.id) \($0.reason)" }
            && lhs.deferred.map { "\($0.id) \($0.reason)" } == rhs.deferred.map { "\($0.id) \($0.reason)" }
            && lhs.statusesUpdated == rhs.statusesUpdated && lhs.catalogueVersion == rhs.catalogueVersion
            && lhs.stoppedBecause == rhs.stoppedBecause
    }

    /// Everything queued was sent or refused, and the pulls ran.
    public var isComplete: Bool { deferred.isEmpty && stoppedBecause == nil }

    public var json: JSONValue {
        .object([
            ("enviadas", .array(sent.map { .object([("id", .string($0.id)), ("radicado", .string($0.radicado))]) })),
            ("rechazadas", .array(rejected.map { .object([("id", .string($0.id)), ("motivo", .string($0.reason))]) })),
            ("pendientes", .array(deferred.map { .object([("id", .string($0.id)), ("error", .string($0.reason))]) })),
            ("estados_actualizados", .integer(Int64(statusesUpdated))),
            ("catalogo_version", .optional(catalogueVersion)),
            ("detenida_por", .optional(stoppedBecause?.message)),
        ])
    }
}
