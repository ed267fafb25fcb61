import CSQLite

/// An error reported by SQLite, carrying its own message and the statement that failed.
///
/// ```swift
/// do { try db.execute("INSERT …") }
/// catch let error as DatabaseError where error.resultCode == .constraint { … }
/// ```
public struct DatabaseError: Error, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public var resultCode: ResultCode { ResultCode(rawValue: extendedCode & 0xFF) }
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    public let extendedCode: Int32
    /// SQLite's own message.
    public let message: String
    /// The SQL being run, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite \(extendedCode): \(message)"
        if let sql { text += " — en «\(sql)»" }
        return text
    }
}

/// SQLite's primary result codes, usable in `catch` patterns.
public struct ResultCode: RawRepresentable, Equatable, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    public static let readonly = ResultCode(rawValue: SQLITE_READONLY)
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)

    public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == pattern
    }
}
