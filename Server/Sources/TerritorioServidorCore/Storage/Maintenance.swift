import PostgresNIO
import ServiceLifecycle

/// What keeps the store from growing without bound: incomplete uploads untouched for
/// `uploadLifetime` expire, photos no novedad names and nobody sent for `photoLifetime` are
/// collected, novedades kept as long as `retention` allows lose their contact data and photos
/// (`RetentionPurge`), and the objects nothing names any more are deleted from the store. Run by
/// `territorio-servidor mantenimiento` and every hour by each `servir` (two instances doing it at
/// once only delete the same things).
public struct Maintenance: Sendable {
    public struct Lifetimes: Sendable, Equatable {
        public var uploadDays: Int
        public var photoDays: Int

        public init(uploadDays: Int = 7, photoDays: Int = 7) {
            self.uploadDays = uploadDays
            self.photoDays = photoDays
        }
    }

    /// What one run removed.
    public struct Outcome: Sendable, Equatable {
        public let expiredUploads: Int
        public let collectedPhotos: Int
        public let deletedObjects: Int
        public let purge: RetentionPurge.Outcome
    }

    let database: Database
    let objects: any ObjectStore
    let lifetimes: Lifetimes
    let retention: RetentionSettings

    public init(database: Database, objects: any ObjectStore, lifetimes: Lifetimes = Lifetimes(), retention: RetentionSettings = RetentionSettings()) {
        self.database = database
        self.objects = objects
        self.lifetimes = lifetimes
        self.retention = retention
    }

    public func run() async throws -> Outcome {
        let purge = try await RetentionPurge(database: database, settings: retention, user: OperatingSystemUser.name,
                                             recentUploadDays: lifetimes.photoDays).run()
        let expired = try await count("""
            DELETE FROM subidas WHERE actualizada_en < now() - make_interval(days => \(lifetimes.uploadDays)::int) RETURNING 1
            """)
        let collected = try await count("""
            DELETE FROM adjuntos a
            WHERE a.recibido_en < now() - make_interval(days => \(lifetimes.photoDays)::int)
              AND NOT EXISTS (SELECT 1 FROM novedad_adjuntos n WHERE n.sha256 = a.sha256)
              AND NOT EXISTS (SELECT 1 FROM adjuntos_gestores g
                              WHERE g.sha256 = a.sha256 AND g.recibido_en >= now() - make_interval(days => \(lifetimes.photoDays)::int))
            RETURNING 1
            """)
        let deleted = try await ObjectInventory(database: database, objects: objects).collect()
        return Outcome(expiredUploads: expired, collectedPhotos: collected, deletedObjects: deleted, purge: purge)
    }

    private func count(_ query: PostgresQuery) async throws -> Int {
        var rows = 0
        for try await _ in try await database.client.query(query, logger: database.logger).decode(Int.self) { rows += 1 }
        return rows
    }

    /// `servir`'s background task: a run every `interval` until the server stops.
    struct Schedule: Service {
        let maintenance: Maintenance
        let interval: Duration

        func run() async throws {
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                } catch {
                    return
                }
                do {
                    _ = try await maintenance.run()
                } catch {
                    maintenance.database.logger.error("Mantenimiento del almacén: \(LoggableError.describe(error))")
                }
            }
        }
    }
}
