import Foundation
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

@Suite struct CatalogueFileTests {
    @Test func theSampleIsAcceptedWithEveryRouteAsCanonicalText() throws {
        let data = try Data(contentsOf: Fixtures.sampleCatalogueURL)
        let file = try CatalogueFile(bytes: Array(data))
        let sample = try Fixtures.sampleCatalogue()
        #expect(file.version == sample["version"] as? String)
        #expect(file.isSample)
        #expect(file.routes.map(\.id) == Fixtures.routes(of: sample).map { $0["id"] as! String })
        #expect(JSONWriter.canonical(try JSONParser.parse(file.routes[0].document)) == file.routes[0].document)
        let sourcesText = try #require(file.sources)
        let sources = try #require(try JSONParser.parse(sourcesText).arrayValue)
        #expect(sources.count == (sample["fuentes"] as? [Any])?.count)
    }

    @Test func routeTextsEscapeControlCharactersAsTheClientWritesThem() throws {
        var sample = try Fixtures.sampleCatalogue()
        var routes = Fixtures.routes(of: sample)
        routes[0]["titulo"] = "Ruta\u{7F}\u{9B}\u{202E}\u{1B}[2J"
        sample["rutas"] = routes
        let file = try CatalogueFile(bytes: Array(try Fixtures.json(sample)))
        let document = file.routes[0].document
        #expect(document.contains(#""titulo":"Ruta\u007f\u009b\u202e\u001b[2J""#))
        #expect(document == JSONWriter.canonical(try JSONParser.parse(document)))
    }

    @Test func aBrokenFileSaysWhereItBreaks() {
        #expect(throws: ServerFailure("El archivo no es un objeto JSON válido en UTF-8 (línea 2, columna 16: el campo «formato» está repetido).")) {
            try CatalogueFile(bytes: Array("{\"formato\": \"territorio-catalogo/2\",\n \"muestra\": 1, \"formato\": 2}".utf8))
        }
        #expect(throws: ServerFailure("El archivo no es un objeto JSON válido en UTF-8.")) { try CatalogueFile(bytes: Array("[]".utf8)) }
    }

    @Test func aFormatOneFileIsAcceptedWithoutSourcesAndRefusesThem() throws {
        var sample = try Fixtures.sampleCatalogue()
        sample["formato"] = "territorio-catalogo/1"
        #expect(throws: ServerFailure.self) { try CatalogueFile(bytes: Array(try Fixtures.json(sample))) }
        sample["fuentes"] = nil
        let file = try CatalogueFile(bytes: Array(try Fixtures.json(sample)))
        #expect(file.sources == nil)
    }

    @Test func aDeltaWritesTheStoredTextsAsTheyAre() {
        let delta = CatalogueDelta(cursor: "2", isComplete: false,
                                   version: .init(version: "v\"2", date: "2026-12-01", isSample: false, notice: nil),
                                   references: "{\"temas\":[]}", sources: "[{\"id\":\"s1\"}]", routes: ["{\"id\":\"a\"}"], deletedRouteIDs: ["b"])
        #expect(delta.jsonText == #"{"cursor":"2","completo":false,"catalogo":{"fecha":"2026-12-01","muestra":false,"version":"v\"2"},"referencias":{"temas":[]},"fuentes":[{"id":"s1"}],"rutas":[{"id":"a"}],"borradas":["b"]}"#)
        let noticed = CatalogueDelta(cursor: "3", isComplete: true,
                                     version: .init(version: "3", date: "2026-12-02", isSample: true, notice: "Nuevo\u{7F}\u{9B}\n"),
                                     references: "{}", sources: nil, routes: [], deletedRouteIDs: [])
        #expect(noticed.jsonText == #"{"cursor":"3","completo":true,"catalogo":{"aviso":"Nuevo\u007f\u009b\n","fecha":"2026-12-02","muestra":true,"version":"3"},"referencias":{},"fuentes":null,"rutas":[],"borradas":[]}"#)
    }
}

@Suite struct DatabaseURLTests {
    @Test func loopbackWithoutSSLModeIsPlainAndOtherHostsAreNot() throws {
        let local = try DatabaseURL.configuration(from: "postgres://territorio:cl%40ve@127.0.0.1:5433/territorio")
        #expect(local.host == "127.0.0.1")
        #expect(local.port == 5433)
        #expect(local.username == "territorio")
        #expect(local.password == "cl@ve")
        #expect(local.database == "territorio")
        #expect(throws: ServerFailure.self) { try DatabaseURL.configuration(from: "postgres://127.0.0.1/territorio") }
        #expect(throws: ServerFailure.self) { try DatabaseURL.configuration(from: "mysql://u@h/db") }
        #expect(throws: ServerFailure.self) { try DatabaseURL.configuration(from: "postgres://u@h/db?sslmode=allow") }
        #expect(throws: ServerFailure.self) { try DatabaseURL.configuration(from: "postgres://u@h:5432") }
    }
}

@Suite struct IfNoneMatchTests {
    @Test func weakComparisonOverEveryListedTag() {
        #expect(CatalogueEndpoint.matches(["\"3\""], eTag: "\"3\""))
        #expect(CatalogueEndpoint.matches(["W/\"3\""], eTag: "\"3\""))
        #expect(CatalogueEndpoint.matches(["\"1\", \"3\""], eTag: "\"3\""))
        #expect(CatalogueEndpoint.matches(["*"], eTag: "\"3\""))
        #expect(!CatalogueEndpoint.matches(["\"30\""], eTag: "\"3\""))
        #expect(!CatalogueEndpoint.matches([], eTag: "\"3\""))
    }
}
