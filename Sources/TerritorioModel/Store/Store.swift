import CSQLite
import Foundation

/// The offline store: `territorio.sqlite` in the data directory, private to the user (0600),
/// in WAL mode, migrated to the schema this program knows.
public final class Store {
    public static let fileName = "territorio.sqlite"

    public let database: Database
    public let path: String
    /// Where attachments live (`adjuntos/`): the data directory, or a private temporary folder
    /// for an in-memory store.
    public let directory: DataDirectory

    /// Opens the store in `directory` (created 0700 if missing) — or refuses, changing nothing,
    /// when the database is from a newer program or not a database.
    public init(directory: DataDirectory) throws {
        try directory.create()
        self.directory = directory
        path = directory.path + "/" + Self.fileName
        try Self.createPrivateFile(at: path)
        do {
            database = try Database(location: .file(path: path))
            try Self.checkIsTerritorio(database, path: path)
            try Schema.migrator.checkKnown(database)
            try database.executeScript("PRAGMA journal_mode = WAL")
            // A committed novedad survives a power cut, not only a crash of the program.
            try database.executeScript("PRAGMA synchronous = FULL")
        } catch let error as DatabaseError where error.resultCode == .notADatabase {
            throw StoreError.notADatabase(path: path)
        }
        try Schema.migrator.migrate(database)
    }

    /// An in-memory store with the full schema, for tests and benchmarks.
    public init(inMemory: Void = ()) throws {
        path = ":memory:"
        directory = DataDirectory(path: NSTemporaryDirectory() + "territorio-memoria-" + UUID().uuidString.lowercased())
        database = try Database(location: .inMemory)
        try Schema.migrator.migrate(database)
    }

    public var catalogue: CatalogueStore { CatalogueStore(database: database) }

    /// The novedades of this store, their photos under `adjuntos/`.
    public func novedades(limits: AttachmentLimits = AttachmentLimits(),
                          clock: @escaping @Sendable () -> Date = { Date() }) -> NovedadStore {
        NovedadStore(database: database, files: AttachmentFiles(dataDirectory: directory), limits: limits, clock: clock)
    }

    /// A database with tables but no migration history belongs to another program: refused
    /// rather than filled with Territorio's tables.
    private static func checkIsTerritorio(_ database: Database, path: String) throws {
        let tables = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'", as: Int.self) ?? 0
        let history = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'migraciones'",
                                          as: Int.self) ?? 0
        if tables > 0 && history == 0 { throw StoreError.notADatabase(path: path) }
    }

    /// Creates the database file 0600 before SQLite does, so it never exists with wider
    /// permissions whatever the umask; SQLite gives its -wal and -shm files the same mode.
    /// An existing file is never opened here: closing any descriptor of it drops every POSIX lock
    /// this process holds on it, so another store open in the process (the interface's, while
    /// background sync opens its own) would lose its lock, and a `territorio` command ending
    /// meanwhile would take itself for the last user and delete the WAL those stores still write.
    private static func createPrivateFile(at path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return }
            throw StoreError.dataDirectory(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }
}
