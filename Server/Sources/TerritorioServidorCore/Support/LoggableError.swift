import PostgresNIO

/// What a log line may say about an unexpected failure. PostgreSQL's own details can hold a
/// row's values ("Failing row contains (…)") and a query's parameters a novedad's body, a
/// citizen's name or a token's hash, so a database error is told only by its kind, its SQLSTATE
/// and the names of the table, column and constraint involved.
public enum LoggableError {
    public static func describe(_ error: any Error) -> String {
        let error = underlying(error)
        guard let error = error as? PSQLError else { return "\(type(of: error)): \(error)" }
        var parts = ["PostgreSQL: \(error.code)"]
        if let info = error.serverInfo {
            let fields: [(String, PSQLError.ServerInfo.Field)] = [("SQLSTATE", .sqlState), ("tabla", .tableName),
                                                                  ("columna", .columnName), ("restricción", .constraintName)]
            for (label, field) in fields {
                if let value = info[field] { parts.append("\(label) \(value)") }
            }
        }
        if let underlying = error.underlying { parts.append("causa: \(type(of: underlying))") }
        return parts.joined(separator: ", ")
    }

    /// The failure a transaction wraps (what its body threw, else what failed to begin, commit
    /// or roll back), so it is told, and a `ServerFailure` inside still reaches the person whole.
    public static func underlying(_ error: any Error) -> any Error {
        guard let transaction = error as? PostgresTransactionError,
              let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? transaction.rollbackError
        else { return error }
        return underlying(inner)
    }
}
