import Testing
@testable import TerritorioModel
import TerritorioTestSupport

@Suite struct MigratorTests {
    private let migrator = Schema.migrator

    private func recorded(in database: Database) throws -> [String] {
        try migrator.appliedMigrations(in: database).map { "\($0.version) \($0.name)" }
    }

    @Test func migratesAnEmptyDatabaseToTheLatestVersion() throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database)
        #expect(migrator.latestVersion == migrator.migrations.count)
        #expect(try recorded(in: database) == migrator.migrations.map { "\($0.version) \($0.name)" })
        let dates: [String] = try database.query("SELECT aplicada_en FROM migraciones").map { try $0.get(0) }
        #expect(dates.allSatisfy { $0.hasSuffix("Z") && $0.count == 20 })
        for table in ["catalogo_meta", "referencias", "rutas", "ruta_referencias", "rutas_busqueda"] {
            #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = ?", [table], as: Int.self) == 1)
        }
    }

    @Test func migratingTwiceChangesNothing() throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database)
        let before = try fullDump(database)
        try migrator.migrate(database)
        try migrator.migrate(database, upTo: 1)
        #expect(try fullDump(database) == before)
    }

    @Test func migratesUpToAChosenVersion() throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database, upTo: 1)
        #expect(try recorded(in: database) == ["1 catalogo"])
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'rutas_busqueda'", as: Int.self) == 0)
    }

    /// A route stored as a program of that version would have stored it — in the version-1
    /// tables, and from version 2 on also in the search index — is found by search (with typo
    /// correction, which reads the newest tables) once the database reaches the latest version.
    @Test(arguments: Array(1..<Schema.migrator.latestVersion))
    func upgradesDataFromAnEarlierVersion(version: Int) throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database, upTo: version)
        let catalogue = try Fixtures.smallCatalogue()
        let ruta = try #require(catalogue.rutas.first { $0.id == "riesgo-suicida" })
        try database.execute("INSERT INTO rutas (numero, id, titulo, resumen, documento) VALUES (?, ?, ?, ?, ?)",
                             [1, ruta.id, ruta.title, ruta.summary, JSONWriter.string(ruta.json)])
        try database.execute("INSERT INTO referencias (lista, id, orden, nombre) VALUES (?, ?, ?, ?)",
                             ["temas", "salud-mental", 0, "Salud mental"])
        if version >= 2 {
            let references = try CatalogueStore(database: database).references()
            try database.execute("INSERT INTO rutas_busqueda (rowid, titulo, cuerpo) VALUES (?, ?, ?)",
                                 [1, ruta.title, RouteSearchText.body(of: ruta, references: references)])
        }
        if version >= 5 {
            try database.execute("INSERT INTO rutas_terminos (termino, rutas) SELECT term, doc FROM rutas_vocabulario")
        }

        try migrator.migrate(database)

        let search = CatalogueSearch(database: database)
        #expect(try search.find("suicida").hits.map(\.route.id) == ["riesgo-suicida"])
        #expect(try search.find("suisida ").correctedQuery == "suicida")
        #expect(try search.find("mental").hits.map(\.route.id) == ["riesgo-suicida"], "the theme's name is searchable")
        #expect(try CatalogueStore(database: database).ruta(id: "riesgo-suicida") == ruta)
        #expect(try recorded(in: database).count == migrator.latestVersion)
    }

    // MARK: - Refusing a newer schema

    @Test func refusesAnUnknownVersionAndChangesNothing() throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database)
        try database.execute("INSERT INTO migraciones (version, nombre, aplicada_en) VALUES (99, 'futura', '2030-01-01T00:00:00Z')")
        let before = try fullDump(database)
        let error = try #require(#expect(throws: StoreError.self) { try migrator.migrate(database) })
        #expect(error == .newerSchema(found: 99, known: migrator.latestVersion))
        #expect(try fullDump(database) == before)
    }

    @Test func refusesAKnownVersionWithAnotherName() throws {
        let database = try Database(location: .inMemory)
        try migrator.migrate(database, upTo: 1)
        try database.execute("UPDATE migraciones SET nombre = 'catalogo-de-otra-rama' WHERE version = 1")
        let before = try fullDump(database)
        let error = try #require(#expect(throws: StoreError.self) { try migrator.migrate(database) })
        guard case .newerSchema = error else { Issue.record("unexpected \(error)"); return }
        #expect(try fullDump(database) == before, "version 2 must not be applied on top of an unknown version 1")
    }

    @Test func storeRefusesANewerDatabaseWithASpanishMessage() throws {
        try withTemporaryDirectory { folder in
            let directory = DataDirectory(path: folder)
            try Store(directory: directory).catalogue.replace(with: try Fixtures.smallCatalogue())
            let path = folder + "/" + Store.fileName
            let before: String
            do {
                let database = try Database(location: .file(path: path))
                try database.execute("INSERT INTO migraciones (version, nombre, aplicada_en) VALUES (99, 'futura', '2030-01-01T00:00:00Z')")
                before = try fullDump(database)
            }

            let error = try #require(#expect(throws: StoreError.self) { try Store(directory: directory) })
            #expect(error == .newerSchema(found: 99, known: migrator.latestVersion))
            #expect(error.message.contains("versión más nueva de Territorio"))
            #expect(error.message.contains("no se modificó nada"))
            #expect(try fullDump(Database(location: .file(path: path))) == before)
        }
    }

    // MARK: - A failing migration

    @Test func failingMigrationLeavesNoTrace() throws {
        let failing = Migrator(migrations: [
            Migration(version: 1, name: "uno") { try $0.executeScript("CREATE TABLE uno (x)") },
            Migration(version: 2, name: "dos") { database in
                try database.executeScript("CREATE TABLE dos (x); INSERT INTO uno VALUES (1);")
                throw DatabaseError(extendedCode: 1, message: "falla a propósito")
            },
        ])
        let database = try Database(location: .inMemory)
        #expect(throws: DatabaseError.self) { try failing.migrate(database) }
        #expect(try failing.appliedMigrations(in: database).map(\.version) == [1])
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'dos'", as: Int.self) == 0)
        #expect(try database.scalar("SELECT count(*) FROM uno", as: Int.self) == 0)
    }
}
