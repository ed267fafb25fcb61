import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

@Suite struct StoreFilesTests {
    @Test func createsAPrivateFolderAndDatabase() throws {
        try withTemporaryDirectory { folder in
            let nested = folder + "/no/existe/territorio"
            let store = try Store(directory: DataDirectory(path: nested))
            #expect(store.path == nested + "/territorio.sqlite")
            #expect(try permissions(of: nested) == 0o700)
            #expect(try permissions(of: store.path) == 0o600)
        }
    }

    @Test func walAndSharedMemoryFilesArePrivate() throws {
        try withTemporaryDirectory { folder in
            let store = try Store(directory: DataDirectory(path: folder))
            try store.catalogue.replace(with: try Fixtures.smallCatalogue())
            for suffix in ["-wal", "-shm"] {
                #expect(FileManager.default.fileExists(atPath: store.path + suffix))
                #expect(try permissions(of: store.path + suffix) == 0o600)
            }
            #expect(try store.catalogue.routeCount() == 3)
        }
    }

    @Test func usesWriteAheadLogAndForeignKeys() throws {
        try withTemporaryDirectory { folder in
            let store = try Store(directory: DataDirectory(path: folder))
            #expect(try store.database.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(try store.database.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
            #expect(try Schema.migrator.appliedMigrations(in: store.database).count == Schema.migrator.latestVersion)
        }
    }

    @Test func reopensAnExistingStoreWithItsData() throws {
        try withTemporaryDirectory { folder in
            let directory = DataDirectory(path: folder)
            try Store(directory: directory).catalogue.replace(with: try Fixtures.smallCatalogue())
            let reopened = try Store(directory: directory)
            #expect(try reopened.catalogue.info()?.version == "prueba-1")
            #expect(try reopened.catalogue.routeCount() == 3)
        }
    }

    @Test func refusesAFileThatIsNotADatabaseWithoutTouchingIt() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/" + Store.fileName
            let text = String(repeating: "Esto no es una base de datos SQLite, es una lista de compras.\n", count: 100)
            try writeFile(text, to: path)
            let error = try #require(#expect(throws: StoreError.self) { try Store(directory: DataDirectory(path: folder)) })
            #expect(error == .notADatabase(path: path))
            #expect(error.message.contains("no es una base de datos de Territorio"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
    }

    @Test func refusesADataFolderThatIsAFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/datos"
            try writeFile("soy un archivo", to: path)
            let error = try #require(#expect(throws: StoreError.self) { try Store(directory: DataDirectory(path: path)) })
            guard case .dataDirectory(let reported, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reported == path)
            #expect(error.message.hasPrefix("No se pudo usar la carpeta de datos"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "soy un archivo")
        }
    }

    @Test func refusesAFolderBelowAFile() throws {
        try withTemporaryDirectory { folder in
            try writeFile("soy un archivo", to: folder + "/archivo")
            #expect(throws: StoreError.self) { try Store(directory: DataDirectory(path: folder + "/archivo/datos")) }
        }
    }
}
