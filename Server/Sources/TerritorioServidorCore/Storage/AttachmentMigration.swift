import NIOCore
import PostgresNIO
import TerritorioWire

/// `territorio-servidor migrar-adjuntos`: moves photos stored by earlier versions in PostgreSQL
/// (`adjuntos.contenido`) into the object store, one at a time, each checked against its SHA-256
/// and committed on its own, so an interrupted run just goes on from where it stopped. When none
/// is left, the schema step that drops the column can run.
public struct AttachmentMigration: Sendable {
    /// What one run did.
    public struct Outcome: Sendable, Equatable {
        public var moved = 0
        /// Photos whose bytes are not their SHA-256: left where they are, named for a person.
        public var damaged: [String] = []
    }

    let database: Database
    let objects: any ObjectStore
    /// For the schema steps after the one this unblocks.
    let secret: DigestSecret

    public init(database: Database, objects: any ObjectStore, secret: DigestSecret) {
        self.database = database
        self.objects = objects
        self.secret = secret
    }

    public func run() async throws -> Outcome {
        var outcome = Outcome()
        guard try await isPending() else { return outcome }
        let inventory = ObjectInventory(database: database, objects: objects)
        var after = ""
        while let (sha256, bytes) = try await next(after: after) {
            after = sha256
            var hasher = SHA256()
            bytes.withUnsafeReadableBytes { hasher.update($0) }
            guard SHA256.hex(of: hasher.finalize()) == sha256 else {
                outcome.damaged.append(sha256)
                continue
            }
            let object = try await inventory.reserve(in: "fotos")
            try await objects.put(object, bytes: bytes)
            guard try await objects.size(of: object) == Int64(bytes.readableBytes) else {
                throw ServerFailure("El almacén no guardó entera la foto \(sha256); no se cambió nada de ella en PostgreSQL.")
            }
            let logger = database.logger
            try await database.client.withTransaction(logger: logger) { connection in
                try await connection.query("UPDATE objetos SET en_uso = true WHERE nombre = \(object)", logger: logger)
                try await connection.query("""
                    UPDATE adjuntos SET objeto = \(object), contenido = NULL WHERE sha256 = \(sha256) AND objeto IS NULL
                    """, logger: logger)
            }
            outcome.moved += 1
        }
        try await Schema.migrate(database, secret: secret)
        return outcome
    }

    /// The next photo still in PostgreSQL, by hash after `after`.
    private func next(after: String) async throws -> (String, ByteBuffer)? {
        let rows = try await database.client.query("""
            SELECT sha256, contenido FROM adjuntos WHERE objeto IS NULL AND sha256 > \(after) ORDER BY sha256 LIMIT 1
            """, logger: database.logger)
        for try await (sha256, bytes) in rows.decode((String, ByteBuffer).self) { return (sha256, bytes) }
        return nil
    }

    /// Whether the database still has the column (one written by an earlier version).
    func isPending() async throws -> Bool {
        let rows = try await database.client.query("""
            SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'adjuntos' AND column_name = 'contenido')
            """, logger: database.logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }
}
