import Foundation
import Logging
import TerritorioWire
import TerritorioServidorCore

/// Runs a parsed command against the database of `TERRITORIO_DB_URL`.
struct CommandRunner {
    let command: Command
    let environment: [String: String]

    func run() async throws {
        switch command {
        case .help:
            Console.out(Usage.help)
        case .serve(let host, let port):
            try await serve(host: host, port: port)
        case .createToken(let gestor, let name):
            let issued = try await withDatabase { try await TokenStore(database: $0).issue(gestor: gestor, name: name) }
            Console.err(TokenListing.issued(issued))
            Console.out(issued.token)
        case .listTokens(let gestor):
            let entries = try await withDatabase { try await TokenStore(database: $0).list(gestor: gestor) }
            Console.out(TokenListing.text(entries))
        case .revokeTokens(let gestor):
            let count = try await withDatabase { try await TokenStore(database: $0).revoke(gestor: gestor) }
            let shown = TerminalText.visible(gestor)
            Console.out(count == 0 ? "El gestor «\(shown)» no tenía tokens activos." : "Tokens revocados del gestor «\(shown)»: \(count).")
        case .revokeToken(let id):
            let revoked = try await withDatabase { try await TokenStore(database: $0).revoke(tokenID: id) }
            Console.out(revoked ? "Token \(id) revocado." : "El token \(id) ya estaba revocado.")
        case .publishCatalogue(let path):
            try await publish(path: path)
        case .listNovedades(let json):
            let novedades = try await withDatabase { try await NovedadStore(database: $0).list() }
            Console.out(json ? try AdminJSON.text(novedades) : NovedadListing.text(novedades))
        case .maintenance:
            let lifetimes = try StorageSettings(environment: environment).lifetimes
            let objects = try objectStore()
            let outcome = try await withDatabase { database in
                try await objects.check()
                return try await Maintenance(database: database, objects: objects, lifetimes: lifetimes,
                                             retention: try RetentionSettings(environment: environment)).run()
            }
            Console.out("Subidas vencidas: \(outcome.expiredUploads). Fotos sin novedad retiradas: \(outcome.collectedPhotos). Objetos borrados del almacén: \(outcome.deletedObjects).")
            Console.out(PurgeReport.text(outcome.purge))
        case .findTitular(let query, let json):
            let findings = try await withDatabase { try await TitularRequests(database: $0).find(query) }
            Console.out(json ? try AdminJSON.text(findings) : TitularListing.text(findings))
        case .suppressTitular(let radicado, let reason, let photos):
            let photoDays = try StorageSettings(environment: environment).lifetimes.photoDays
            let objects = photos ? try objectStore() : nil
            let (done, deleted) = try await withDatabase { database in
                try await objects?.check()
                let done = try await TitularRequests(database: database).suppress(radicado: radicado, user: OperatingSystemUser.name, reason: reason,
                                                                                   photos: photos, recentUploadDays: photoDays)
                guard let objects else { return (done, nil as Int?) }
                return (done, try await ObjectInventory(database: database, objects: objects).collect())
            }
            Console.out(TitularListing.suppressed(radicado: radicado, done, deletedObjects: deleted))
        case .purge(let closedDays, let openDays):
            let configured = try RetentionSettings(environment: environment)
            let settings = RetentionSettings(closedDays: closedDays ?? configured.closedDays, openDays: openDays ?? configured.openDays)
            let photoDays = try StorageSettings(environment: environment).lifetimes.photoDays
            let objects = try objectStore()
            let (purge, deleted) = try await withDatabase { database in
                try await objects.check()
                let purge = try await RetentionPurge(database: database, settings: settings, user: OperatingSystemUser.name,
                                                     recentUploadDays: photoDays).run()
                return (purge, try await ObjectInventory(database: database, objects: objects).collect())
            }
            Console.out(PurgeReport.text(purge) + " Objetos borrados del almacén: \(deleted).")
        case .migrateAttachments:
            let objects = try objectStore()
            let secret = try DigestSecret.load(environment: environment)
            let outcome = try await withDatabase { database in
                try await objects.check()
                return try await AttachmentMigration(database: database, objects: objects, secret: secret).run()
            }
            Console.out("Fotos pasadas de PostgreSQL a \(objects.description): \(outcome.moved).")
            guard outcome.damaged.isEmpty else {
                throw ServerFailure("Estas fotos no coinciden con su SHA-256 y se dejaron en PostgreSQL: \(outcome.damaged.joined(separator: ", ")).")
            }
        case .setStatus(let radicado, let estado, let nota):
            try await withDatabase { try await NovedadStore(database: $0).setStatus(radicado: radicado, estado: estado, nota: nota) }
            Console.out("\(radicado): \(estado).")
        }
    }

    private func serve(host: String, port: Int) async throws {
        let connections = try ConnectionLimits(environment: environment)
        let storage = try StorageSettings(environment: environment)
        let retention = try RetentionSettings(environment: environment)
        let secret = try DigestSecret.load(environment: environment)
        let database = try openDatabase()
        let objects = try objectStore()
        try await objects.check()
        let application = SyncServer.application(database: database, objects: objects, secret: secret,
                                                 limits: ServerLimits(bytesInIncompleteUploads: storage.bytesInIncompleteUploads),
                                                 lifetimes: storage.lifetimes, connections: connections, retention: retention,
                                                 host: host, port: port) { boundPort in
            Console.out("Escuchando en http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)")
        }
        try await application.runService()
    }

    private func publish(path: String) async throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerFailure("No se pudo leer «\(path)».")
        }
        let file = try CatalogueFile(bytes: Array(data))
        let sequence = try await withDatabase { try await CatalogueStore(database: $0).publish(file) }
        Console.out("Catálogo «\(file.version)» publicado como versión \(sequence) (\(file.routes.count) rutas).")
    }

    /// The object store the environment names, its configuration errors as messages.
    private func objectStore() throws -> any ObjectStore {
        do {
            return try ObjectStoreConfiguration.store(from: environment)
        } catch let failure as ObjectStoreFailure {
            throw ServerFailure(failure.description)
        }
    }

    private func withDatabase<Result: Sendable>(_ body: @Sendable (Database) async throws -> Result) async throws -> Result {
        let secret = try DigestSecret.load(environment: environment)
        return try await openDatabase(logLevel: .critical).run { database in
            try await database.checkReachable()
            try await Schema.migrate(database, secret: secret)
            return try await body(database)
        }
    }

    /// One-shot commands do not log: their output is for a person or a script to read, and their
    /// failures reach standard error as messages.
    private func openDatabase(logLevel: Logger.Level = .info) throws -> Database {
        guard let url = environment[DatabaseURL.environmentVariable], !url.isEmpty else {
            throw ServerFailure("Falta \(DatabaseURL.environmentVariable): la URL de PostgreSQL, p. ej. postgres://territorio@127.0.0.1:5432/territorio")
        }
        var logger = Logger(label: "territorio-servidor")
        logger.logLevel = logLevel
        return Database(configuration: try DatabaseURL.configuration(from: url), logger: logger)
    }
}
