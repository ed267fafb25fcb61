/// Applies migrations in order, each in its own transaction, and records them in the
/// `migraciones` table, so a database always says which schema it has.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        precondition(migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
                     "migration versions must be 1, 2, 3, …")
        self.migrations = migrations
    }

    /// The newest schema this program knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The migrations recorded in `database`, oldest first.
    public func appliedMigrations(in database: Database) throws -> [(version: Int, name: String)] {
        try createHistoryTable(in: database)
        return try database.query("SELECT version, nombre FROM migraciones ORDER BY version").map {
            (try $0.get(0), try $0.get(1))
        }
    }

    /// Brings `database` up to `targetVersion` (default: the latest).
    /// - Throws: `StoreError.newerSchema` when the database has a migration this program does not
    ///   know, and leaves it untouched.
    public func migrate(_ database: Database, upTo targetVersion: Int? = nil) throws {
        let target = targetVersion ?? latestVersion
        try checkKnown(database)
        let done = Set(try appliedMigrations(in: database).map(\.version))
        for migration in migrations where migration.version <= target && !done.contains(migration.version) {
            try database.transaction {
                try migration.apply(database)
                try database.execute("INSERT INTO migraciones (version, nombre, aplicada_en) VALUES (?, ?, ?)",
                                     [migration.version, migration.name, Timestamp.now()])
            }
        }
    }

    /// Refuses a database holding a migration this program does not know (a newer program wrote it).
    /// - Throws: `StoreError.newerSchema`.
    public func checkKnown(_ database: Database) throws {
        let applied = try appliedMigrations(in: database)
        for record in applied where !migrations.contains(where: { $0.version == record.version && $0.name == record.name }) {
            throw StoreError.newerSchema(found: applied.last?.version ?? record.version, known: latestVersion)
        }
    }

    private func createHistoryTable(in database: Database) throws {
        try database.executeScript("""
            CREATE TABLE IF NOT EXISTS migraciones (
                version INTEGER PRIMARY KEY,
                nombre TEXT NOT NULL,
                aplicada_en TEXT NOT NULL
            )
            """)
    }
}
