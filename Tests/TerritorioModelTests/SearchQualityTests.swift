import Foundation
import Testing
@testable import TerritorioModel

/// Search as a gestor meets it: the sample catalogue's questions, typos, plurals, synonyms,
/// several words, ranking, snippets, counts and hostile input.
@Suite("Search quality")
struct SearchQualityTests {
    static let synonymsPath = URL(fileURLWithPath: Fixtures.sampleCataloguePath)
        .deletingLastPathComponent().appendingPathComponent("sinonimos.txt").path

    /// The sample catalogue in memory, searched with the shipped synonyms.
    static func sampleSearch() throws -> (Store, CatalogueSearch) {
        let store = try Store()
        try store.catalogue.replace(with: try CatalogueReader.read(path: Fixtures.sampleCataloguePath))
        let synonyms = SynonymTable(text: try String(contentsOfFile: synonymsPath, encoding: .utf8))
        return (store, CatalogueSearch(database: store.database, synonyms: synonyms))
    }

    /// A catalogue of routes given as (id, title, summary), with one theme and one entity.
    static func search(routes: [(String, String, String)]) throws -> (Store, CatalogueSearch) {
        let routesJSON = routes.map { id, title, summary in
            """
            {"id": "\(id)", "titulo": "\(title)", "resumen": "\(summary)", "temas": ["tema"], "entidades": ["entidad"],
             "poblacion": "", "poblaciones": [], "localidades": "todas", "pasos": [{"titulo": "Paso."}], "canales": [],
             "requisitos": [], "base_legal": [], "fuente": "prueba", "actualizada": "2026-11-01"}
            """
        }.joined(separator: ",")
        let text = """
            {"formato": "territorio-catalogo/1", "version": "v", "fecha": "2026-11-01", "muestra": false,
             "referencias": {"localidades": [], "entidades": [{"id": "entidad", "sigla": "E", "nombre": "Entidad"}],
              "temas": [{"id": "tema", "nombre": "Tema"}], "tipos": [], "urgencias": [], "poblaciones": []},
             "rutas": [\(routesJSON)]}
            """
        let store = try Store()
        try store.catalogue.replace(with: try CatalogueReader.read(bytes: Array(text.utf8)))
        return (store, CatalogueSearch(database: store.database, synonyms: SynonymTable(text: "basura, residuos")))
    }

    // MARK: - The sample catalogue's questions

    @Test("each question a gestor asks finds its route in the top 3", arguments: [
        ("violencia", ["violencia-mujer-peligro-inmediato", "violencia-intrafamiliar-en-curso", "violencia-intrafamiliar-comisaria",
                       "linea-purpura-orientacion", "violencia-mujer-denuncia-fiscalia"]),
        ("victima", ["victima-conflicto-declaracion", "victima-conflicto-ayuda-humanitaria", "victima-conflicto-clav-centros-encuentro"]),
        ("ninos", ["nna-abandonado-peligro", "nna-maltrato-reporte-141", "nna-trabajo-infantil", "habitante-calle-joven-idipron"]),
        ("habitante calle", ["habitante-calle-adulto-sdis", "habitante-calle-emergencia", "habitante-calle-alta-dependencia",
                             "habitante-calle-joven-idipron", "persona-mayor-habitante-calle"]),
        ("perro perdido", ["animal-perdido-encontrado"]),
        ("violensia", ["violencia-mujer-peligro-inmediato", "violencia-mujer-denuncia-fiscalia", "linea-purpura-orientacion",
                       "violencia-intrafamiliar-en-curso", "violencia-intrafamiliar-comisaria"]),
        ("basuras", ["escombros-arrojo-clandestino", "basuras-espacio-publico-linea-195", "residuos-voluminosos-linea-110"]),
        ("suicidio", ["riesgo-suicida-inminente", "linea-106-escucha"]),
        ("mujeres golpeadas", ["violencia-mujer-peligro-inmediato", "violencia-mujer-medidas-proteccion-comisaria", "linea-purpura-orientacion"]),
        ("hueco en la calle", ["hueco-malla-vial"]),
        ("adulto mayor abandonado", ["persona-mayor-abandono", "persona-mayor-abandono-hospitalario"]),
    ])
    func sampleQuestions(query: String, expected: [String]) throws {
        let (_, search) = try Self.sampleSearch()
        let top = try search.find(query, limit: 3).hits.map(\.route.id)
        #expect(top.contains { expected.contains($0) }, "top 3 for «\(query)»: \(top)")
    }

    // MARK: - Accents, case, prefixes

    @Test("accents and case do not matter")
    func accentsAndCase() throws {
        let (_, search) = try Self.sampleSearch()
        let plain = try search.find("victima").hits.map(\.route.id)
        #expect(!plain.isEmpty)
        #expect(try search.find("víctima").hits.map(\.route.id) == plain)
        #expect(try search.find("VÍCTIMA").hits.map(\.route.id) == plain)
    }

    @Test("the last word is a prefix while typing; a trailing space ends it")
    func prefix() throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Violencia intrafamiliar", "Texto.")])
        #expect(try search.find("violen").hits.map(\.route.id) == ["ruta-a"])
        #expect(try search.find("intra viol").hits.map(\.route.id) == ["ruta-a"])
        // "intra" is not the last word: it is complete, and no route has the word "intra".
        #expect(try search.find("intra violencia").hits.first?.route.id == "ruta-a")
    }

    // MARK: - Typos

    @Test("a mistyped word is replaced by the closest indexed term, and the search says so")
    func typos() throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Violencia intrafamiliar", "Un gato en la vía.")])
        let results = try search.find("violensia")
        #expect(results.correctedQuery == "violencia")
        #expect(results.hits.map(\.route.id) == ["ruta-a"])
        #expect(try search.find("gsto ").correctedQuery == "gato")        // 4 letters: one edit
        #expect(try search.find("gsti ").hits.isEmpty)                     // two edits: too far
        #expect(try search.find("biolenzia").correctedQuery == "violencia")  // 8+ letters: two edits
        #expect(try search.find("violencia").correctedQuery == nil)
    }

    @Test("the correction is recomputed after a new import")
    func correctionFollowsImports() throws {
        let (store, search) = try Self.search(routes: [("ruta-a", "Violencia", "Texto.")])
        #expect(try search.find("violensia").correctedQuery == "violencia")
        let other = try CatalogueReader.read(path: Fixtures.smallCataloguePath)
        try store.catalogue.replace(with: other)
        #expect(try search.find("inminete ").correctedQuery == "inminente")
    }

    // MARK: - Plurals and synonyms

    @Test("Spanish plurals fold both ways", arguments: [
        ("perros ", "perro"), ("perro ", "perros"), ("ninas ", "niña"), ("niña ", "niñas"), ("luces ", "luz"), ("luz ", "luces"),
        ("mujeres ", "mujer"), ("calles ", "calle"),
    ])
    func plurals(query: String, word: String) throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Ruta", "Texto con \(word).")])
        #expect(try search.find(query).hits.map(\.route.id) == ["ruta-a"], "«\(query)» should find «\(word)»")
    }

    @Test("synonyms from the file are searched too")
    func synonyms() throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Recolección de residuos", "Texto.")])
        #expect(try search.find("basura ").hits.map(\.route.id) == ["ruta-a"])
        #expect(try search.find("basuras ").hits.map(\.route.id) == ["ruta-a"])
    }

    @Test("the synonyms file: groups, comments, folding")
    func synonymTable() {
        let table = SynonymTable(text: "# comentario\nBasura, Residuos, escombros # fin\n\nperro, mascota\nsola\n")
        #expect(table.synonyms(of: "basura") == ["residuos", "escombros"])
        #expect(table.synonyms(of: "ESCOMBROS") == ["basura", "residuos"])
        #expect(table.synonyms(of: "mascota") == ["perro"])
        #expect(table.synonyms(of: "sola").isEmpty)
        #expect(table.synonyms(of: "comentario").isEmpty)
    }

    // MARK: - Ranking

    @Test("routes matching more of the words come first")
    func moreWordsFirst() throws {
        let (_, search) = try Self.search(routes: [
            ("uno", "Ruta uno", "Adulto en la calle."),
            ("dos", "Ruta dos", "Adulto mayor en la calle."),
            ("tres", "Ruta tres", "Adulto mayor abandonado."),
        ])
        #expect(try search.find("adulto mayor abandonado").hits.map(\.route.id) == ["tres", "dos", "uno"])
    }

    @Test("a route need not contain every word")
    func partialMatches() throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Hueco en la vía", "Daño del pavimento.")])
        #expect(try search.find("hueco enorme frente al colegio").hits.map(\.route.id) == ["ruta-a"])
    }

    @Test("title matches come before body matches")
    func titleFirst() throws {
        let (_, search) = try Self.search(routes: [
            ("cuerpo", "Otra ruta", "Habla de inundación varias veces: inundación, inundación."),
            ("titulo", "Inundación", "Texto."),
        ])
        #expect(try search.find("inundacion").hits.map(\.route.id) == ["titulo", "cuerpo"])
    }

    @Test("matched words are marked in the title and the snippet")
    func snippets() throws {
        let (_, search) = try Self.search(routes: [("ruta-a", "Violencia intrafamiliar", "Qué hacer ante la violencia en casa.")])
        let hit = try #require(try search.find("violencia").hits.first)
        #expect(hit.title.bracketed == "«Violencia» intrafamiliar")
        #expect(hit.snippet.bracketed.contains("«violencia»"))
        #expect(hit.title.plainText == "Violencia intrafamiliar")
    }

    @Test("counts and filters")
    func countsAndFilters() throws {
        let (store, search) = try Self.sampleSearch()
        let all = try search.find("violencia", limit: 3)
        #expect(all.hits.count == 3)
        #expect(all.total > 3)
        #expect(!all.totalIsCapped)
        let references = try store.catalogue.references()
        guard case .found(let theme) = ReferenceResolver.resolve("bienestar animal", in: references[.temas]) else {
            Issue.record("no theme «bienestar animal» in the sample")
            return
        }
        let animals = try search.find("perro", filter: RouteFilter(theme: theme.id), limit: 50)
        #expect(!animals.hits.isEmpty)
        for hit in animals.hits {
            let ruta = try #require(try store.catalogue.ruta(id: hit.route.id))
            #expect(ruta.themes.contains(theme.id))
        }
    }

    @Test("a query with nothing indexed finds nothing, without error")
    func nothing() throws {
        let (_, search) = try Self.sampleSearch()
        let results = try search.find("zzzzqqq")
        #expect(results.hits.isEmpty)
        #expect(results.total == 0)
    }

    // MARK: - Hostile queries

    @Test("hostile queries are just text", arguments: [
        "\"", "*", "AND", "OR OR", "NEAR(", "NEAR(violencia mujer, 2)", "'; DROP TABLE rutas; --",
        String(repeating: "violencia ", count: 1_000), String(repeating: "ab", count: 5_000),
        (0..<10_000).map { _ in "x" }.joined(), "\u{00}\u{01}\u{07}\u{1B}[2J", "{titulo}: violencia", "titulo:violencia",
        "violencia*", "^violencia", "-violencia", "\"violencia\" OR \"*\"", "", "   ", "¿¡!?", "de la el",
    ])
    func hostile(query: String) throws {
        let (store, search) = try Self.sampleSearch()
        _ = try search.find(query)
        #expect(try store.catalogue.routeCount() == 111)
    }
}
