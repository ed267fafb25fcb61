import Foundation
import PostgresNIO
import TerritorioWire

/// Who a request comes from: the gestor and the token (one gestor may hold several, one per device).
public struct AuthenticatedGestor: Sendable, Equatable {
    public let gestorID: Int64
    public let tokenID: Int64
    public let name: String
}

/// A token just created: shown once, with whom it belongs to.
public struct IssuedToken: Sendable, Equatable {
    public let token: String
    public let tokenID: Int64
    public let gestor: String
    public let name: String
    /// The gestor did not exist before this token.
    public let newGestor: Bool
}

/// One line of `token listar`: a device's token, never the token itself.
public struct TokenEntry: Sendable, Equatable {
    public let tokenID: Int64
    public let gestor: String
    public let name: String
    public let createdAt: String
    public let revokedAt: String?
}

/// Bearer tokens, one per gestor and device. Only their SHA-256 is stored, so a copy of the
/// database does not let anyone send novedades in a gestor's name; the token itself is shown
/// once, when created.
public struct TokenStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A new token for gestor `gestor`. With `name`, `gestor` must be an identifier: the gestor is
    /// created with that display name, or must already carry it. Without `name`, an identifier
    /// names an existing gestor (another device), and anything else is the display name of a new
    /// gestor whose identifier is its slug (`-2`, `-3`… when taken), as the schema step that
    /// introduced identifiers did for the gestores before it.
    public func issue(gestor: String, name: String?) async throws -> IssuedToken {
        let requested = gestor.trimmingCharacters(in: .whitespacesAndNewlines)
        let displayName = try name.map(Self.validatedName)
        if displayName != nil, !GestorID.isValid(requested) {
            throw ServerFailure("«\(TerminalText.visible(requested))» no sirve como identificador de gestor: use \(GestorID.rule) caracteres.")
        }
        let nameAsGestor = GestorID.isValid(requested) ? nil : try Self.validatedName(requested)
        var random = SystemRandomNumberGenerator()
        let token = SHA256.hex(of: (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &random) })
        let hash = Self.hash(token)
        let logger = database.logger
        // A refusal comes out of the transaction as a value: thrown inside, it would arrive
        // wrapped in PostgresNIO's transaction error instead of as the message for the person.
        let outcome: Result<IssuedToken, ServerFailure> = try await database.client.withTransaction(logger: logger) { connection in
            // Two coordinators creating "Ana" at once must not both pick `ana`.
            try await connection.query("LOCK TABLE gestores IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let gestorRow: GestorRow
            if let nameAsGestor {
                gestorRow = try await Self.insertGestor(identifier: nil, name: nameAsGestor, on: connection, logger: logger)
            } else if let existing = try await Self.existing(identifier: requested, on: connection, logger: logger) {
                if let displayName, displayName != existing.name {
                    return .failure(ServerFailure("El gestor «\(requested)» ya existe y se llama «\(existing.name)», no «\(displayName)»; elija otro identificador."))
                }
                gestorRow = existing
            } else if let displayName {
                gestorRow = try await Self.insertGestor(identifier: requested, name: displayName, on: connection, logger: logger)
            } else {
                return .failure(ServerFailure("No hay un gestor «\(TerminalText.visible(requested))». Para crearlo dé también su nombre: --nombre \"Nombre visible\"."))
            }
            let rows = try await connection.query("INSERT INTO tokens (sha256, gestor_id) VALUES (\(hash), \(gestorRow.id)) RETURNING id", logger: logger)
            for try await tokenID in rows.decode(Int64.self) {
                return .success(IssuedToken(token: token, tokenID: tokenID, gestor: gestorRow.identifier, name: gestorRow.name, newGestor: gestorRow.isNew))
            }
            return .failure(ServerFailure("No se pudo crear el token del gestor «\(gestorRow.identifier)»."))
        }
        return try outcome.get()
    }

    /// Every token, or those of one gestor, oldest first.
    public func list(gestor: String? = nil) async throws -> [TokenEntry] {
        if let gestor { _ = try await Self.requireExisting(gestor, in: database) }
        let rows = try await database.client.query("""
            SELECT t.id, g.identificador, g.nombre, iso_utc(t.creado_en), iso_utc(t.revocado_en)
            FROM tokens t JOIN gestores g ON g.id = t.gestor_id
            WHERE \(gestor)::text IS NULL OR g.identificador = \(gestor)
            ORDER BY t.id
            """, logger: database.logger)
        var entries: [TokenEntry] = []
        for try await (id, identifier, name, createdAt, revokedAt) in rows.decode((Int64, String, String, String, String?).self) {
            entries.append(TokenEntry(tokenID: id, gestor: identifier, name: name, createdAt: createdAt, revokedAt: revokedAt))
        }
        return entries
    }

    /// Revokes every active token of the gestor (all its devices) and returns how many there were.
    public func revoke(gestor: String) async throws -> Int {
        let gestorID = try await Self.requireExisting(gestor, in: database)
        let rows = try await database.client.query("""
            UPDATE tokens SET revocado_en = now() WHERE gestor_id = \(gestorID) AND revocado_en IS NULL RETURNING id
            """, logger: database.logger)
        var count = 0
        for try await _ in rows.decode(Int64.self) { count += 1 }
        return count
    }

    /// Revokes one device's token; false when it was already revoked.
    public func revoke(tokenID: Int64) async throws -> Bool {
        let rows = try await database.client.query("""
            WITH token AS (SELECT id, revocado_en FROM tokens WHERE id = \(tokenID)),
                 revocado AS (UPDATE tokens SET revocado_en = now() WHERE id = \(tokenID) AND revocado_en IS NULL RETURNING 1)
            SELECT (SELECT count(*) FROM token), (SELECT count(*) FROM revocado)
            """, logger: database.logger)
        for try await (existing, revoked) in rows.decode((Int64, Int64).self) {
            guard existing > 0 else { throw ServerFailure("No hay un token con número \(tokenID); véalos con «token listar».") }
            return revoked > 0
        }
        return false
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

    private struct GestorRow {
        let id: Int64
        let identifier: String
        let name: String
        let isNew: Bool
    }

    private static func existing(identifier: String, on connection: PostgresConnection, logger: Logger) async throws -> GestorRow? {
        let rows = try await connection.query("SELECT id, nombre FROM gestores WHERE identificador = \(identifier)", logger: logger)
        for try await (id, name) in rows.decode((Int64, String).self) {
            return GestorRow(id: id, identifier: identifier, name: name, isNew: false)
        }
        return nil
    }

    /// A new gestor; without `identifier`, the slug of its name that no other gestor holds.
    private static func insertGestor(identifier: String?, name: String, on connection: PostgresConnection,
                                     logger: Logger) async throws -> GestorRow {
        let rows = try await connection.query("""
            INSERT INTO gestores (identificador, nombre) VALUES (coalesce(\(identifier)::text, identificador_para(\(name))), \(name))
            RETURNING id, identificador
            """, logger: logger)
        for try await (id, identifier) in rows.decode((Int64, String).self) {
            return GestorRow(id: id, identifier: identifier, name: name, isNew: true)
        }
        throw ServerFailure("No se pudo crear el gestor «\(name)».")
    }

    private static func requireExisting(_ gestor: String, in database: Database) async throws -> Int64 {
        guard GestorID.isValid(gestor) else {
            throw ServerFailure("«\(TerminalText.visible(gestor))» no es un identificador de gestor (\(GestorID.rule) caracteres); véalos con «token listar».")
        }
        let rows = try await database.client.query("SELECT id FROM gestores WHERE identificador = \(gestor)", logger: database.logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw ServerFailure("No hay un gestor «\(TerminalText.visible(gestor))»; véalos con «token listar».")
    }

    private static func validatedName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServerFailure("El nombre del gestor debe tener entre 1 y 200 caracteres, sin saltos de línea.")
        }
        return trimmed
    }
}
