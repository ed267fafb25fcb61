import CSQLite

/// One SQLite connection. Not shared between threads: its owner serialises access.
///
/// ```swift
/// let db = try Database(location: .file(path: "/tmp/x.sqlite"))
/// try db.transaction {
///     try db.execute("INSERT INTO temas (id, nombre) VALUES (?, ?)", ["salud", "Salud"])
/// }
/// ```
public final class Database {
    let handle: OpaquePointer
    private var transactionDepth = 0

    /// Opens (creating if needed) the database at `location`, with foreign keys on and a busy
    /// timeout so a second process waits instead of failing at once.
    public init(location: DatabaseLocation, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        var connection: OpaquePointer?
        let path: String
        switch location {
        case .inMemory: path = ":memory:"
        case .file(let filePath): path = filePath
        }
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "no se pudo abrir"
            sqlite3_close_v2(connection)
            throw DatabaseError(extendedCode: code, message: message)
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        // What is deleted or overwritten (a purged name, an edited phone) is zeroed in the file,
        // not left in free space: on every connection, since the setting is per connection.
        try execute("PRAGMA secure_delete = ON")
    }

    deinit { sqlite3_close_v2(handle) }

    /// The version of the SQLite library actually loaded (`3.40.1`), which is the system's and
    /// may differ from the headers the program was built against.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Prepares `sql` for repeated use.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one statement with bound `arguments`.
    public func execute(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws {
        try prepare(sql).run(arguments)
    }

    /// Runs several statements of fixed SQL (a migration's schema); nothing is bound.
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// All rows of a query.
    public func query(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        try prepare(sql).rows(arguments)
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar<T: SQLValueConvertible>(_ sql: String, _ arguments: [any SQLValueConvertible] = [],
                                               as type: T.Type = T.self) throws -> T? {
        guard let row = try query(sql, arguments).first else { return nil }
        return try row.get(0, as: Optional<T>.self) ?? nil
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls become savepoints, so an inner failure undoes only the inner work.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "territorio_\(transactionDepth)"
        try executeScript(transactionDepth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        do {
            let result = try body()
            try executeScript(transactionDepth == 1 ? "COMMIT" : "RELEASE \(savepoint)")
            transactionDepth -= 1
            return result
        } catch {
            // Also reached when COMMIT itself fails (a deferred constraint, a full disk): SQLite
            // then keeps the transaction open, and it must be rolled back here.
            transactionDepth -= 1
            if transactionDepth == 0 {
                try? executeScript("ROLLBACK")
            } else {
                try? executeScript("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// Copies the write-ahead log into the database and empties it (`wal_checkpoint(TRUNCATE)`),
    /// so old versions of purged rows leave the `-wal` file too. Best effort: while another
    /// connection reads, the log stays as it is until a later checkpoint.
    /// - Returns: whether the log was emptied.
    @discardableResult
    public func truncateWriteAheadLog() throws -> Bool {
        let row = try query("PRAGMA wal_checkpoint(TRUNCATE)").first
        return try row?.get(0, as: Int.self) == 0
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    func error(code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(extendedCode: sqlite3_extended_errcode(handle) != 0 ? sqlite3_extended_errcode(handle) : code,
                      message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
