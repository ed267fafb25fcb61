import Foundation
import PostgresNIO

/// The `objetos` table: every object the server has written or is about to write, recorded
/// before its first byte goes out. An object no piece or attachment names any more, or one whose
/// write never finished, is found here and deleted from the store, so a crash at any point
/// leaves no bytes behind that nobody can find.
public struct ObjectInventory: Sendable {
    let database: Database
    let objects: any ObjectStore
    /// An object not yet named by a piece or an attachment is being written for at most this
    /// long; older ones were left by a crash.
    static let writeGrace = "1 hour"

    public init(database: Database, objects: any ObjectStore) {
        self.database = database
        self.objects = objects
    }

    /// A new object name under `folder`, recorded before anything is written to it.
    func reserve(in folder: String) async throws -> String {
        let name = folder + "/" + UUID().uuidString.lowercased()
        try await database.client.query("INSERT INTO objetos (nombre) VALUES (\(name))", logger: database.logger)
        return name
    }

    /// Deletes from the store, then from the table, every object nobody names: those whose piece
    /// or attachment is gone, and writes abandoned longer than the grace. Returns how many.
    @discardableResult
    public func collect() async throws -> Int {
        let rows = try await database.client.query("""
            SELECT nombre FROM objetos o
            WHERE (o.en_uso OR o.creado_en < now() - \(unescaped: "interval '\(Self.writeGrace)'"))
              AND NOT EXISTS (SELECT 1 FROM subida_piezas p WHERE p.objeto = o.nombre)
              AND NOT EXISTS (SELECT 1 FROM adjuntos a WHERE a.objeto = o.nombre)
            """, logger: database.logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return try await delete(names)
    }

    /// Deletes these objects, each only if nothing names it (already checked by the caller or
    /// by `collect`); returns how many were removed from the table.
    @discardableResult
    func delete(_ names: [String]) async throws -> Int {
        var removed = 0
        for name in names {
            try await objects.delete(name)
            let rows = try await database.client.query("DELETE FROM objetos WHERE nombre = \(name) RETURNING 1", logger: database.logger)
            for try await _ in rows.decode(Int.self) { removed += 1 }
        }
        return removed
    }
}
