/// One result row: the values of its columns, read with the type the caller expects.
///
/// ```swift
/// let title: String = try row.get(0)
/// let summary: String? = try row.get("resumen")
/// ```
public struct Row: Sendable {
    public let columnNames: [String]
    public let values: [SQLValue]

    public init(columnNames: [String], values: [SQLValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// The value of the column at `index`, converted to `T`.
    /// - Throws: `DatabaseError` (`SQLITE_MISMATCH`) when the stored value is not a `T`.
    public func get<T: SQLValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError(extendedCode: ResultCode.mismatch.rawValue,
                                message: "columna \(index) fuera de rango (\(values.count) columnas)")
        }
        guard let value = T(sqlValue: values[index]) else {
            throw DatabaseError(extendedCode: ResultCode.mismatch.rawValue,
                                message: "la columna «\(columnNames[index])» contiene \(values[index]), no \(T.self)")
        }
        return value
    }

    /// The value of the column named `name`, converted to `T`.
    public func get<T: SQLValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = columnNames.firstIndex(of: name) else {
            throw DatabaseError(extendedCode: ResultCode.mismatch.rawValue, message: "no hay columna «\(name)»")
        }
        return try get(index)
    }
}
