import Testing
@testable import TerritorioModel

/// Search over the small fixture: folding, prefixes, ranking of title hits, filters, limit and
/// hostile input. (The sample catalogue's questions are in `SearchQualityTests`.)
@Suite struct CatalogueSearchTests {
    private let store: Store
    private let catalogue: CatalogueSearch

    init() throws {
        store = try Fixtures.storeWithSmallCatalogue()
        catalogue = CatalogueSearch(database: store.database)
    }

    private func ids(_ text: String, _ filter: RouteFilter = RouteFilter(), limit: Int = 20) throws -> [String] {
        try catalogue.find(text, filter: filter, limit: limit).hits.map(\.route.id)
    }

    @Test func ignoresCaseAndAccents() throws {
        #expect(try ids("suicida").first == "riesgo-suicida")
        #expect(try ids("SUICIDA") == ids("suicida"))
        #expect(try ids("jovenes").first == "habitante-calle-joven")
        #expect(try ids("JÓVENES") == ids("jovenes"))
        #expect(try ids("ninos").first == "habitante-calle-joven")
        #expect(try ids("linea purpura").first == "violencia-mujer-peligro")
    }

    @Test func lastWordIsAPrefix() throws {
        #expect(try ids("viol").first == "violencia-mujer-peligro")
        #expect(try ids("riesgo suic").first == "riesgo-suicida")
        #expect(try ids("inminen").first == "riesgo-suicida")
    }

    @Test func findsBodyTextAndReferenceNames() throws {
        #expect(try ids("agresor") == ["violencia-mujer-peligro"], "a step's detail")
        #expect(try ids("mental") == ["riesgo-suicida"], "the theme's name")
        #expect(try ids("idipron") == ["habitante-calle-joven"], "the entity's acronym")
        #expect(Set(try ids("llame")) == ["violencia-mujer-peligro", "riesgo-suicida"], "steps")
    }

    @Test func returnsTheListedFields() throws {
        let result = try #require(try catalogue.find("suicida").hits.first)
        #expect(result.route == RouteSummary(id: "riesgo-suicida", title: "Riesgo suicida inminente",
                                             summary: "Una persona piensa en el suicidio."))
    }

    @Test func titleHitsComeBeforeBodyHits() throws {
        // A route placed first whose summary, not its title, says «suicida».
        let document = try Fixtures.smallCatalogueDocument()
        guard case .array(let rutas)? = document["rutas"], case .object(let base) = rutas[2] else {
            Issue.record("the fixture changed")
            return
        }
        let other: JSONValue = .object(base.map { member -> (key: String, value: JSONValue) in
            switch member.key {
            case "id": (member.key, .string("apoyo-psicosocial"))
            case "titulo": (member.key, .string("Apoyo psicosocial general"))
            case "resumen": (member.key, .string("Si hay riesgo suicida, vea también la ruta específica."))
            default: member
            }
        })
        let ordered = document.replacing("rutas", with: .array([other] + rutas))
        try store.catalogue.replace(with: try CatalogueReader.read(bytes: ordered.bytes))

        #expect(try ids("suicida") == ["riesgo-suicida", "apoyo-psicosocial"])
    }

    // MARK: - Filters and limit

    @Test func filtersByThemeAndEntity() throws {
        #expect(try ids("llame", RouteFilter(theme: "violencias-mujeres")) == ["violencia-mujer-peligro"])
        #expect(try ids("llame", RouteFilter(theme: "salud-mental")) == ["riesgo-suicida"])
        #expect(try ids("llame", RouteFilter(entity: "sds")) == ["riesgo-suicida"])
        #expect(try ids("llame", RouteFilter(entity: "idipron")).isEmpty)
        #expect(try ids("llame", RouteFilter(theme: "salud-mental", entity: "sdmujer")).isEmpty)
    }

    @Test func localidadFilterIncludesRoutesForAllOfBogota() throws {
        let everyRoute: Set = ["violencia-mujer-peligro", "habitante-calle-joven", "riesgo-suicida"]
        #expect(Set(try ids("llame jovenes")) == everyRoute)
        #expect(Set(try ids("llame jovenes", RouteFilter(localidad: "kennedy"))) == everyRoute)
        #expect(Set(try ids("llame jovenes", RouteFilter(localidad: "usaquen"))) == ["violencia-mujer-peligro", "riesgo-suicida"])
        #expect(try ids("jovenes", RouteFilter(localidad: "usaquen")).isEmpty)
        #expect(try ids("jovenes", RouteFilter(localidad: "santa-fe")) == ["habitante-calle-joven"])
    }

    @Test func respectsTheLimit() throws {
        let results = try catalogue.find("llame jovenes", limit: 2)
        #expect(results.hits.count == 2)
        #expect(results.total == 3)
        #expect(try ids("llame jovenes", limit: 1).count == 1)
    }

    @Test func emptyQueryFindsNothing() throws {
        for text in ["", "   ", "?!"] {
            let results = try catalogue.find(text)
            #expect(results.hits.isEmpty)
            #expect(results.total == 0)
        }
    }

    // MARK: - Hostile input

    @Test(arguments: HostileQuery.all)
    func hostileQueriesReturnNormally(_ query: HostileQuery) throws {
        _ = try catalogue.find(query.text)
        _ = try catalogue.find(query.text, filter: RouteFilter(localidad: query.text), limit: 1)
        #expect(try store.catalogue.routeCount() == 3)
        #expect(try store.database.scalar("SELECT count(*) FROM rutas_busqueda", as: Int.self) == 3)
        #expect(try ids("suicida").first == "riesgo-suicida")
    }

    struct HostileQuery: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }

        static let all: [HostileQuery] = [
            ("comilla", "\""), ("asterisco", "*"), ("AND", "AND"), ("OR OR", "OR OR"), ("NEAR(", "NEAR("),
            ("NOT", "suicida NOT riesgo"), ("columna", "titulo:riesgo"), ("inicio", "^riesgo"), ("paréntesis", "riesgo)"),
            ("SQL", "'; DROP TABLE x; --"), ("SQL sobre rutas", "'; DROP TABLE rutas; --"), ("comillas", "\"\"\""),
            ("controles", "\u{0}\u{1}\u{7}\u{1B}[2J"), ("vacía", ""), ("espacios", "   "),
            ("puntuación", "?¡!.,;:()[]{}<>-+*/\\"), ("10 000 letras", String(repeating: "a", count: 10_000)),
            ("1 500 palabras", String(repeating: "riesgo ", count: 1_500)), ("10 000 eñes", String(repeating: "ñ", count: 10_000)),
            ("solo palabras vacías", "de la el y"),
        ].map { HostileQuery(name: $0.0, text: $0.1) }
    }
}
