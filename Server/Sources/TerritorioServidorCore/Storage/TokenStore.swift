import Foundation
import PostgresNIO
import TerritorioWire

/// Who a request comes from: the gestor and the token (one gestor may hold several, one per device).
public struct AuthenticatedGestor: Sendable, Equatable {
    public let gestorID: Int64
    public let tokenID: Int64
    public let name: String
}

/// Bearer tokens. Only their SHA-256 is stored, so a copy of the database does not let anyone
/// send novedades in a gestor's name; the token itself is shown once, when created.
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates the gestor if new and a new token for it; earlier tokens stay valid until revoked.
    public func create(gestor name: String) async throws -> String {
        let name = try Self.validated(name)
        var random = SystemRandomNumberGenerator()
        let token = SHA256.hex(of: (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &random) })
        let hash = Self.hash(token)
        try await database.client.withTransaction(logger: database.logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO gestores (nombre) VALUES (\(name))
                ON CONFLICT (nombre) DO UPDATE SET nombre = excluded.nombre
                RETURNING id
                """, logger: database.logger)
            for try await gestorID in rows.decode(Int64.self) {
                try await connection.query("INSERT INTO tokens (sha256, gestor_id) VALUES (\(hash), \(gestorID))", logger: database.logger)
            }
        }
        return token
    }

    /// Revokes every active token of the gestor and returns how many there were.
    public func revoke(gestor name: String) async throws -> Int {
        let name = try Self.validated(name)
        let rows = try await database.client.query("""
            WITH gestor AS (SELECT id FROM gestores WHERE nombre = \(name)),
                 revocados AS (
                     UPDATE tokens SET revocado_en = now()
                     WHERE gestor_id IN (SELECT id FROM gestor) AND revocado_en IS NULL
                     RETURNING 1
                 )
            SELECT (SELECT count(*) FROM gestor), (SELECT count(*) FROM revocados)
            """, logger: database.logger)
        for try await (gestores, revoked) in rows.decode((Int64, Int64).self) {
            guard gestores > 0 else { throw ServerFailure("No hay un gestor llamado «\(name)».") }
            return Int(revoked)
        }
        return 0
    }

    /// The gestor behind an active token, or nil for an unknown or revoked one.
    public func authenticate(token: String) async throws -> AuthenticatedGestor? {
        let rows = try await database.client.query("""
            SELECT t.id, g.id, g.nombre FROM tokens t JOIN gestores g ON g.id = t.gestor_id
            WHERE t.sha256 = \(Self.hash(token)) AND t.revocado_en IS NULL
            """, logger: database.logger)
        for try await (tokenID, gestorID, name) in rows.decode((Int64, Int64, String).self) {
            return AuthenticatedGestor(gestorID: gestorID, tokenID: tokenID, name: name)
        }
        return nil
    }

    static func hash(_ token: String) -> String {
        SHA256.hex(of: SHA256.digest(of: Array(token.utf8)))
    }

    private static func validated(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerFailure("El nombre del gestor debe tener entre 1 y 200 caracteres, sin saltos de línea.")
        }
        return trimmed
    }
}
