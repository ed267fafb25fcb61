import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

@Suite struct CatalogueBootstrapTests {
    @Test func importsTheSampleOnceIntoAnEmptyStore() throws {
        let store = try Store()
        let first = try CatalogueBootstrap.prepare(store, sampleCatalogue: Fixtures.sampleCataloguePath)
        let sample = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        #expect(first == .importedSample(sample.info))
        #expect(try store.catalogue.info()?.isSample == true)
        #expect(try store.catalogue.routeCount() == sample.rutas.count)
        let notice = try #require(CatalogueBootstrap.notice(for: first))
        #expect(notice.hasPrefix("Se cargó el catálogo de muestra \(sample.info.version)"))
        #expect(notice.contains(CatalogueInfo.sampleWarning))

        let dump = try catalogueDump(store.database)
        let second = try CatalogueBootstrap.prepare(store, sampleCatalogue: Fixtures.sampleCataloguePath)
        #expect(second == .alreadyLoaded)
        #expect(CatalogueBootstrap.notice(for: second) == nil)
        #expect(try catalogueDump(store.database) == dump)
    }

    @Test func keepsAnImportedCatalogue() throws {
        let store = try Fixtures.storeWithSmallCatalogue()
        #expect(try CatalogueBootstrap.prepare(store, sampleCatalogue: Fixtures.sampleCataloguePath) == .alreadyLoaded)
        #expect(try store.catalogue.info()?.version == "prueba-1")
    }

    @Test func withoutASampleTheStoreStaysEmpty() throws {
        let store = try Store()
        let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: nil)
        #expect(outcome == .missingSample)
        #expect(try store.catalogue.info() == nil)
        #expect(try store.catalogue.routeCount() == 0)
        let notice = try #require(CatalogueBootstrap.notice(for: outcome))
        #expect(notice.hasPrefix("No hay catálogo"))
        #expect(notice.contains("territorio catalogo importar ARCHIVO"))
    }

    @Test func aBrokenSampleIsRefusedAndChangesNothing() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/catalogo-muestra.json"
            try writeFile("{\"formato\": ", to: path)
            let store = try Store()
            #expect(throws: CatalogueError.self) { try CatalogueBootstrap.prepare(store, sampleCatalogue: path) }
            #expect(try store.catalogue.info() == nil)
        }
    }

    // MARK: - Finding the sample

    @Test func findsTheSampleInTerritorioRecursos() throws {
        try withTemporaryDirectory { folder in
            let sample = folder + "/recursos/catalogo-muestra.json"
            try FileManager.default.createDirectory(atPath: folder + "/recursos", withIntermediateDirectories: true)
            try writeFile("{}", to: sample)
            let found = ResourceLocator.sampleCatalogue(environment: ["TERRITORIO_RECURSOS": folder + "/recursos"],
                                                        executablePath: folder + "/bin/territorio")
            #expect(found == sample)
        }
    }

    @Test func prefersTheBundleBesideTheExecutable() throws {
        try withTemporaryDirectory { folder in
            let bundle = folder + "/bin/Territorio_TerritorioResources.resources"
            try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
            try writeFile("{}", to: bundle + "/catalogo-muestra.json")
            try writeFile("{}", to: folder + "/catalogo-muestra.json")
            let found = ResourceLocator.sampleCatalogue(environment: ["TERRITORIO_RECURSOS": folder],
                                                        executablePath: folder + "/bin/territorio")
            #expect(found == bundle + "/catalogo-muestra.json")
        }
    }

    @Test func findsNothingWhenThereIsNoSample() throws {
        try withTemporaryDirectory { folder in
            #expect(ResourceLocator.sampleCatalogue(environment: [:], executablePath: folder + "/territorio") == nil)
            #expect(ResourceLocator.sampleCatalogue(environment: ["TERRITORIO_RECURSOS": folder],
                                                    executablePath: folder + "/territorio") == nil)
            #expect(ResourceLocator.sampleCatalogue(environment: ["TERRITORIO_RECURSOS": ""], executablePath: nil) == nil)
        }
    }
}
