import CSQLite

/// A prepared statement. Parameters are bound by position (`?`), always through SQLite's binding
/// API; the statement is finalized when it is released.
public final class Statement {
    private let handle: OpaquePointer
    private unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `arguments` in order, replacing any earlier binding.
    public func bind(_ arguments: [any SQLValueConvertible]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw DatabaseError(extendedCode: SQLITE_RANGE,
                                message: "se esperaban \(expected) parámetros y llegaron \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqlValue {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let value):
                code = sqlite3_bind_int64(handle, index, value)
            case .real(let value):
                code = sqlite3_bind_double(handle, index, value)
            case .text(let value):
                code = sqlite3_bind_text(handle, index, value, Int32(value.utf8.count), territorio_sqlite_transient())
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), territorio_sqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func run(_ arguments: [any SQLValueConvertible] = []) throws {
        try bind(arguments)
        while try step() {}
    }

    /// Runs the statement and calls `body` for each row as it is produced, so long results are
    /// never held in memory at once.
    public func forEachRow(_ arguments: [any SQLValueConvertible] = [], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        let names = columnNames
        while try step() {
            try body(Row(columnNames: names, values: currentValues()))
        }
    }

    /// All rows of the statement.
    public func rows(_ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        var result: [Row] = []
        try forEachRow(arguments) { result.append($0) }
        return result
    }

    private var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// Advances one row; false when the statement is done.
    private func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    private func currentValues() -> [SQLValue] {
        (0..<sqlite3_column_count(handle)).map { column in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT:
                return .real(sqlite3_column_double(handle, column))
            case SQLITE_TEXT:
                // By length, not up to the first NUL: text may contain U+0000.
                let count = Int(sqlite3_column_bytes(handle, column))
                guard count > 0, let base = sqlite3_column_text(handle, column) else { return .text("") }
                return .text(String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(handle, column))
                guard count > 0, let base = sqlite3_column_blob(handle, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
            default:
                return .null
            }
        }
    }
}
