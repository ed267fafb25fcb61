import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

@Suite struct CatalogueReaderTests {
    // MARK: - Valid files

    @Test func readsTheSmallFixture() throws {
        let catalogue = try Fixtures.smallCatalogue()
        #expect(catalogue.info == CatalogueInfo(version: "prueba-1", date: "2026-11-01", isSample: false,
                                                notice: "Catálogo pequeño para las pruebas."))
        #expect(catalogue.rutas.map(\.id) == ["violencia-mujer-peligro", "habitante-calle-joven", "riesgo-suicida"])
        #expect(catalogue.references[.localidades].count == 6)
        #expect(catalogue.references.item(.localidades, id: "kennedy")?.number == 8)
        #expect(catalogue.references.item(.entidades, id: "sdis")?.description == "Habitantes de calle, personas mayores, discapacidad.")
        #expect(catalogue.references.item(.tipos, id: "habitante-calle")?.entity == "sdis")

        let first = catalogue.rutas[0]
        #expect(first.coverage == .everywhere)
        #expect(first.steps == [RouteStep(title: "Llame al 123.", detail: "Si el agresor está cerca."),
                                RouteStep(title: "Oriente hacia la Línea Púrpura.")])
        #expect(first.mainChannel?.value == "123")
        #expect(first.channels[1] == Channel(kind: .telefono, name: "Línea Púrpura Distrital", value: "01 8000 112 137",
                                             cutOff: "2026-02-14"))
        #expect(catalogue.rutas[1].coverage == .localidades(["santa-fe", "kennedy"]))
        #expect(catalogue.rutas[1].channels[0].unconfirmed)
        #expect(catalogue.rutas[2].mainChannel?.value == "106", "without a principal, the first phone line")
    }

    @Test func readsTheBundledSample() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        #expect(catalogue.info.isSample)
        #expect(catalogue.rutas.count >= 40)
        #expect(Set(catalogue.rutas.flatMap(\.themes)).count >= 12)
        #expect(Set(catalogue.rutas.flatMap(\.entities)).count >= 10)
        let localidades = catalogue.references[.localidades]
        #expect(localidades.count == 20)
        #expect(localidades.compactMap(\.number).sorted() == Array(1...20))
        for ruta in catalogue.rutas {
            for channel in ruta.channels where channel.kind == .telefono || channel.kind == .whatsapp {
                #expect(!channel.cutOff.isEmpty, "\(ruta.id): \(channel.name)")
            }
        }
    }

    @Test func trimsTextAndAllowsNewlinesInSummaries() throws {
        let document = try Fixtures.smallCatalogueDocument().replacing([
            ("rutas[0].titulo", .string("  Violencia contra una mujer  ")),
            ("rutas[0].resumen", .string("Primera línea.\nSegunda línea.")),
            ("rutas[0].pasos[0].detalle", .string("Uno.\nDos.")),
        ])
        let ruta = try CatalogueReader.read(bytes: document.bytes).rutas[0]
        #expect(ruta.title == "Violencia contra una mujer")
        #expect(ruta.summary == "Primera línea.\nSegunda línea.")
        #expect(ruta.steps[0].detail == "Uno.\nDos.")
    }

    @Test func acceptsALeapDay() throws {
        let document = try Fixtures.smallCatalogueDocument().replacing("rutas[0].actualizada", with: .string("2028-02-29"))
        #expect(try CatalogueReader.read(bytes: document.bytes).rutas[0].updated == "2028-02-29")
    }

    /// The format allows `"todas"` or 1–20 localidades per route.
    @Test
    func refusesARouteWithMoreThanTwentyLocalidades() throws {
        let localidades: [JSONValue] = (1...21).map {
            .object([("id", .string("localidad-\($0)")), ("numero", .integer(Int64($0))), ("nombre", .string("Localidad \($0)"))])
        }
        let document = try Fixtures.smallCatalogueDocument().replacing([
            ("referencias.localidades", .array(localidades)),
            ("rutas[1].localidades", .array((1...21).map { .string("localidad-\($0)") })),
        ])
        let twenty = document.replacing("rutas[1].localidades[20]", with: nil)
        #expect(try CatalogueReader.read(bytes: twenty.bytes).rutas[1].coverage != .everywhere)
        let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: document.bytes) })
        guard case .invalid(let place, _) = error else { Issue.record("unexpected \(error)"); return }
        #expect(place == "rutas[1].localidades")
    }

    // MARK: - Broken files

    @Test(arguments: BrokenCatalogue.all)
    func refusesABrokenFileNamingThePlace(_ broken: BrokenCatalogue) throws {
        let bytes = try broken.make(try Fixtures.smallCatalogueText())
        let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: bytes) })
        switch (broken.expected, error) {
        case (.syntax(let line), .syntax(let syntax)):
            #expect(syntax.line == line)
        case (.invalid(let place), .invalid(let reported, let problem)):
            #expect(reported == place)
            #expect(!problem.isEmpty)
            #expect(error.message.hasPrefix("El catálogo no es válido en "))
        default:
            Issue.record("expected \(broken.expected), got \(error)")
        }
    }

    @Test func refusesAHugeFileWithoutReadingIt() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/enorme.json"
            try createSparseFile(at: path, bytes: 200 * 1_048_576)
            let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(path: path) })
            #expect(error == .tooLarge(bytes: 200 * 1_048_576, limit: CatalogueReader.maximumFileBytes))
            #expect(error.message == "El archivo pesa 200 MiB; un catálogo puede pesar a lo sumo 64 MiB.")
        }
    }

    @Test func refusesAFolder() throws {
        try withTemporaryDirectory { folder in
            let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(path: folder) })
            guard case .unreadable(let path, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == folder)
        }
    }

    /// Opening a FIFO for reading waits for a writer: it is refused from `stat`, before any open.
    @Test func refusesAFIFOAtOnce() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/tubo.json"
            #expect(mkfifo(path, 0o600) == 0)
            #expect(throws: CatalogueError.unreadable(path: path, reason: "es una tubería (FIFO), no un archivo")) {
                try CatalogueReader.read(path: path)
            }
        }
    }

    @Test func refusesAMissingFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/no-existe.json"
            let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(path: path) })
            guard case .unreadable(let reported, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reported == path)
            #expect(error.message.hasPrefix("No se pudo leer el archivo"))
        }
    }

    @Test func refusesAnEmptyFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/vacio.json"
            try writeFile("", to: path)
            let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(path: path) })
            guard case .syntax = error else { Issue.record("unexpected \(error)"); return }
        }
    }
}
