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
        let name = Self.newName(in: folder)
        try await database.client.query("INSERT INTO objetos (nombre) VALUES (\(name))", logger: database.logger)
        return name
    }

    /// A new object for a piece of `bytes` bytes of the gestor's, recorded like `reserve`; nil,
    /// and nothing recorded, when the gestor's incomplete uploads would then pass `cap` bytes.
    /// The check and the record are one statement.
    func reservePiece(of bytes: Int64, for gestorID: Int64, cap: Int64) async throws -> String? {
        let name = Self.newName(in: "piezas")
        let rows = try await database.client.query("""
            INSERT INTO objetos (nombre)
            SELECT \(name) WHERE (SELECT coalesce(sum(recibidos), 0) FROM subidas WHERE gestor_id = \(gestorID)) + \(bytes) <= \(cap)
            RETURNING nombre
            """, logger: database.logger)
        for try await reserved in rows.decode(String.self) { return reserved }
        return nil
    }

    /// A new object for the photo with this SHA-256, recorded like `reserve`; nil, and nothing
    /// recorded, when the photo is stored already (whoever sent it). One statement.
    func reservePhoto(_ sha256: String) async throws -> String? {
        let name = Self.newName(in: "fotos")
        let rows = try await database.client.query("""
            INSERT INTO objetos (nombre) SELECT \(name) WHERE NOT EXISTS (SELECT 1 FROM adjuntos WHERE sha256 = \(sha256))
            RETURNING nombre
            """, logger: database.logger)
        for try await reserved in rows.decode(String.self) { return reserved }
        return nil
    }

    private static func newName(in folder: String) -> String {
        folder + "/" + UUID().uuidString.lowercased()
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
        guard !names.isEmpty else { return 0 }
        for name in names {
            try await objects.delete(name)
        }
        let rows = try await database.client.query("DELETE FROM objetos WHERE nombre = ANY(\(names)) RETURNING 1", logger: database.logger)
        var removed = 0
        for try await _ in rows.decode(Int.self) { removed += 1 }
        return removed
    }
}
