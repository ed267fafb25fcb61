import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// `CatalogueStore.replace` through a `Store` on disk: a good file replaces everything, a bad one
/// or a failure half-way changes nothing.
@Suite struct CatalogueImportTests {
    /// A store in `folder` holding the small fixture, and its catalogue dump.
    private func importedStore(in folder: String) throws -> (Store, String) {
        let store = try Store(directory: DataDirectory(path: folder))
        try store.catalogue.replace(with: try Fixtures.smallCatalogue())
        return (store, try catalogueDump(store.database))
    }

    /// Imports the file at `path` as the `importar` command does: read it whole, then replace.
    private func importFile(_ path: String, into store: Store) throws {
        try store.catalogue.replace(with: try CatalogueReader.read(path: path))
    }

    @Test func importStoresTheWholeCatalogue() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try importedStore(in: folder)
            let catalogue = try Fixtures.smallCatalogue()
            #expect(try store.catalogue.info() == catalogue.info)
            #expect(try store.catalogue.references() == catalogue.references)
            #expect(try store.catalogue.routeCount() == 3)
            for ruta in catalogue.rutas {
                #expect(try store.catalogue.ruta(id: ruta.id) == ruta)
            }
            #expect(try store.catalogue.ruta(id: "no-existe") == nil)
            var listed: [String] = []
            try store.catalogue.forEachRoute(matching: RouteFilter(localidad: "usaquen")) { listed.append($0.id) }
            #expect(listed == ["violencia-mujer-peligro", "riesgo-suicida"])
        }
    }

    @Test func importingTheSameFileTwiceGivesTheSameTables() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try importedStore(in: folder)
            let before = try catalogueDump(store.database, generation: false)
            let generation = try #require(try store.catalogue.generation())
            try importFile(Fixtures.smallCataloguePath, into: store)
            #expect(try catalogueDump(store.database, generation: false) == before)
            #expect(try store.catalogue.generation() != generation, "caches of the old import expire")
        }
    }

    @Test(arguments: BrokenCatalogue.all)
    func brokenFileChangesNothing(_ broken: BrokenCatalogue) throws {
        try withTemporaryDirectory { folder in
            let (store, dump) = try importedStore(in: folder)
            let path = folder + "/roto.json"
            try writeFile(try broken.make(try Fixtures.smallCatalogueText()), to: path)
            #expect(throws: CatalogueError.self) { try importFile(path, into: store) }
            #expect(try catalogueDump(store.database) == dump)
        }
    }

    @Test func unreadableFilesChangeNothing() throws {
        try withTemporaryDirectory { folder in
            let (store, dump) = try importedStore(in: folder)
            let huge = folder + "/enorme.json"
            try createSparseFile(at: huge, bytes: 200 * 1_048_576)
            for path in [huge, folder, folder + "/no-existe.json"] {
                #expect(throws: CatalogueError.self) { try importFile(path, into: store) }
            }
            #expect(try catalogueDump(store.database) == dump)
        }
    }

    @Test func busyDatabaseFailsTheReplaceAndChangesNothing() throws {
        try withTemporaryDirectory { folder in
            let (store, dump) = try importedStore(in: folder)
            let writer = try Database(location: .file(path: store.path), busyTimeoutMilliseconds: 0)
            let blocker = try Database(location: .file(path: store.path))
            try blocker.executeScript("BEGIN IMMEDIATE")

            var other = try Fixtures.smallCatalogue()
            other.info.version = "prueba-2"
            other.rutas.removeLast()
            let error = try #require(#expect(throws: DatabaseError.self) { try CatalogueStore(database: writer).replace(with: other) })
            #expect(error.resultCode == .busy)

            try blocker.executeScript("ROLLBACK")
            #expect(try catalogueDump(store.database) == dump)
            #expect(try catalogueDump(writer) == dump)
        }
    }

    @Test func failureHalfWayThroughTheReplaceChangesNothing() throws {
        try withTemporaryDirectory { folder in
            let (store, dump) = try importedStore(in: folder)
            // A temporary trigger, visible only to this connection, makes the third route's insert fail
            // after the old catalogue was deleted and two new routes were written.
            try store.database.executeScript("""
                CREATE TEMP TRIGGER falla_a_mitad AFTER INSERT ON main.rutas WHEN NEW.numero = 3
                BEGIN SELECT RAISE(ABORT, 'falla a propósito'); END;
                """)
            var other = try Fixtures.smallCatalogue()
            other.info.version = "prueba-2"
            other.rutas.swapAt(0, 2)
            let error = try #require(#expect(throws: DatabaseError.self) { try store.catalogue.replace(with: other) })
            #expect(error.message == "falla a propósito")
            #expect(try catalogueDump(store.database) == dump)
            #expect(try catalogueDump(Database(location: .file(path: store.path))) == dump)
        }
    }

    @Test func anotherValidCatalogueReplacesEverything() throws {
        let smaller = try Fixtures.smallCatalogueDocument().replacing([
            ("version", .string("prueba-2")),
            ("aviso", nil),
            ("rutas[2]", nil),
            ("referencias.temas[2]", nil),
        ])
        try withTemporaryDirectory { folder in
            let (store, _) = try importedStore(in: folder)
            let path = folder + "/prueba-2.json"
            try writeFile(smaller.bytes, to: path)
            try importFile(path, into: store)

            #expect(try store.catalogue.info() == CatalogueInfo(version: "prueba-2", date: "2026-11-01", isSample: false))
            #expect(try store.catalogue.routeCount() == 2)
            #expect(try store.database.scalar("SELECT count(*) FROM rutas", as: Int.self) == 2, "the kept count agrees with counting")
            #expect(try store.catalogue.ruta(id: "riesgo-suicida") == nil)
            #expect(try store.catalogue.references().item(.temas, id: "salud-mental") == nil)
            #expect(try CatalogueSearch(database: store.database).find("suicida").hits.isEmpty)
            var listed: [String] = []
            try store.catalogue.forEachRoute { listed.append($0.id) }
            #expect(listed == ["violencia-mujer-peligro", "habitante-calle-joven"])

            // Exactly what a fresh store holding only the new catalogue has: nothing is left over.
            let fresh = try Store()
            try fresh.catalogue.replace(with: try CatalogueReader.read(path: path))
            #expect(try catalogueDump(store.database, generation: false) == catalogueDump(fresh.database, generation: false))

            try store.database.execute("DELETE FROM catalogo_meta WHERE clave = 'rutas'")
            #expect(try store.catalogue.routeCount() == 2, "a catalogue imported before the count was kept is counted")
        }
    }
}
