import Testing
@testable import TerritorioModel

/// Format `/2`: the list of sources, the ids routes and channels cite, dates at the precision a
/// source gives, and how old a channel's newest source is against the catalogue's own date.
@Suite struct CatalogueSourcesTests {
    /// The small fixture as a `/2` file with two sources: one of 2021, one undated.
    static func formatTwo() throws -> JSONValue {
        let sources: JSONValue = .array([
            .object([("id", .string("s1")), ("titulo", .string("Prensa, 2021")), ("direccion", .string("https://ejemplo.org/a")),
                     ("fecha", .string("2021")), ("consultada", .string("2026-11-20"))]),
            .object([("id", .string("s2")), ("titulo", .string("Página oficial sin fecha")), ("fecha", .null),
                     ("consultada", .string("2026-12"))]),
            .object([("id", .string("s3")), ("titulo", .string("Nota de 2026")), ("fecha", .string("2026-02-14")),
                     ("consultada", .string("2026-11-20"))]),
        ])
        return try Fixtures.smallCatalogueDocument().replacing([
            ("formato", .string("territorio-catalogo/2")),
            ("fuentes", sources),
            ("rutas[0].fuentes", .strings(["s1", "s3"])),
            ("rutas[0].canales[0].fuentes", .strings(["s3"])),
            ("rutas[0].canales[1].fuentes", .strings(["s1"])),
            ("rutas[1].canales[0].fuentes", .strings(["s2"])),
        ])
    }

    @Test func readsSourcesWithTheirOwnPrecision() throws {
        let catalogue = try CatalogueReader.read(bytes: try Self.formatTwo().bytes)
        #expect(catalogue.sources.map(\.id) == ["s1", "s2", "s3"])
        #expect(catalogue.sources[0].date?.description == "2021")
        #expect(catalogue.sources[0].date?.month == nil)
        #expect(catalogue.sources[1].date == nil)
        #expect(catalogue.sources[1].consulted.description == "2026-12")
        #expect(catalogue.rutas[0].sources == ["s1", "s3"])
        #expect(catalogue.rutas[0].channels[1].sources == ["s1"])
        #expect(catalogue.rutas[2].sources.isEmpty, "a route may omit fuentes; revisar reports it")
    }

    @Test func storesAndReadsBackTheSources() throws {
        let catalogue = try CatalogueReader.read(bytes: try Self.formatTwo().bytes)
        let store = try Store()
        try store.catalogue.replace(with: catalogue)
        #expect(try store.catalogue.catalogue() == catalogue)
        #expect(try CatalogueReader.read(bytes: catalogue.json.bytes) == catalogue, "what the program writes reads back the same")
    }

    @Test(arguments: [
        ("rutas[0].canales[1].fuentes[0]", "rutas[0].canales[1].fuentes", JSONValue.strings(["s9"])),
        ("rutas[2].fuentes[1]", "rutas[2].fuentes", JSONValue.strings(["s1", "nadie"])),
        ("rutas[0].fuentes[1]", "rutas[0].fuentes", JSONValue.strings(["s1", "s1"])),
        ("fuentes[0].fecha", "fuentes[0].fecha", JSONValue.string("2021-02-30")),
        ("fuentes[1].consultada", "fuentes[1].consultada", JSONValue.string("21")),
        ("fuentes[2].id", "fuentes[2].id", JSONValue.string("s1")),
    ])
    func refusesABrokenCitationNamingThePlace(place: String, path: String, value: JSONValue) throws {
        let document = try Self.formatTwo().replacing(path, with: value)
        let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: document.bytes) })
        guard case .invalid(let reported, _) = error else { Issue.record("unexpected \(error)"); return }
        #expect(reported == place)
    }

    @Test func aFormatOneFileMayNotCarrySources() throws {
        let document = try Fixtures.smallCatalogueDocument().replacing("rutas[0].canales[0].fuentes", with: .strings(["s1"]))
        let error = try #require(#expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: document.bytes) })
        guard case .invalid(let place, _) = error else { Issue.record("unexpected \(error)"); return }
        #expect(place == "rutas[0].canales[0].fuentes")
        let withoutList = try Self.formatTwo().replacing("fuentes", with: nil)
        #expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: withoutList.bytes) }
    }

    // MARK: - Freshness

    @Test func sourceDatesParseOnlyRealDatesAtThreePrecisions() {
        #expect(SourceDate("2021")?.description == "2021")
        #expect(SourceDate("2021-05")?.description == "2021-05")
        #expect(SourceDate("2024-02-29")?.description == "2024-02-29")
        for bad in ["21", "2021-13", "2023-02-29", "2021-5", "2021-05-1", "abcd", "2021-05-11-01", ""] {
            #expect(SourceDate(bad) == nil, "\(bad)")
        }
    }

    @Test func aChannelIsJudgedByItsNewestSourceAgainstTheCatalogueDate() {
        func policy(_ dates: [String?], months: Int = 24) -> FreshnessPolicy {
            FreshnessPolicy(sources: dates.enumerated().map { Fuente(id: "s\($0.offset)", title: "t", date: $0.element.flatMap(SourceDate.init),
                                                                     consulted: SourceDate("2026-11")!) },
                            catalogueDate: "2026-12-06", months: months)
        }
        func judge(_ dates: [String?], months: Int = 24) -> ChannelFreshness {
            policy(dates, months: months).freshness(of: Channel(kind: .telefono, name: "L", value: "1", cutOff: "2026-11-20",
                                                                sources: dates.indices.map { "s\($0)" }))
        }
        #expect(judge(["2024-12-06"]).isCurrent)
        #expect(!judge(["2024-12-05"]).isCurrent)
        #expect(judge(["2024"]).isCurrent, "a year counts up to its last day")
        #expect(judge(["2024-11"]).warning == "verificar vigencia (fuente de 2024)")
        #expect(judge(["2021-05-11"]).warning == "verificar vigencia (fuente de 2021)")
        #expect(judge([nil]).warning == "verificar vigencia (fuente sin fecha)")
        #expect(judge([]).warning == "verificar vigencia (fuente sin fecha)")
        #expect(judge(["2019", nil, "2026-02-14"]).isCurrent, "the newest source decides")
        #expect(judge(["2019", nil, "2026-02-14"]).newestSourceDate?.description == "2026-02-14")
        #expect(!judge(["2025-12-01"], months: 6).isCurrent)
        #expect(judge(["2021"], months: 120).isCurrent)
        #expect(judge(["2021"]).label == "verificar")
    }

    @Test func readingARouteForShowingAddsFreshnessToItsChannelsJSON() throws {
        let store = try Store()
        try store.catalogue.replace(with: try CatalogueReader.read(bytes: try Self.formatTwo().bytes))
        let ruta = try #require(try store.catalogue.rutaWithFreshness(id: "violencia-mujer-peligro"))
        #expect(ruta.channels.map { $0.freshness?.label } == ["vigente", "verificar"])
        guard case .array(let channels)? = ruta.json["canales"] else { Issue.record("no canales"); return }
        #expect(channels[1]["vigencia"] == .string("verificar"))
        #expect(channels[1]["fuente_fecha"] == .string("2021"))
        #expect(try store.catalogue.ruta(id: "violencia-mujer-peligro")?.channels.allSatisfy { $0.freshness == nil } == true,
                "stored routes carry no judgement")
    }

    // MARK: - Review

    @Test func theReviewFindsEachKindOfProblem() throws {
        var catalogue = try CatalogueReader.read(bytes: try Self.formatTwo().bytes)
        var withoutChannel = catalogue.rutas[2]
        withoutChannel.id = "sin-canal"
        withoutChannel.channels = []
        catalogue.rutas.append(withoutChannel)
        catalogue.rutas[2].legalBasis = []
        catalogue.rutas[1].sources = ["no-existe"]
        catalogue.sources.append(Fuente(id: "s4", title: "Nadie la cita", consulted: SourceDate("2026")!))
        let review = CatalogueReview(catalogue: catalogue)
        let kinds = Set(review.findings.map(\.kind))
        #expect(kinds.isSuperset(of: [.routeWithoutChannel, .routeWithoutSource, .channelWithoutSource, .routeWithoutLegalBasis,
                                      .missingSource, .unusedSource, .staleChannel, .unconfirmedChannel, .localidadWithoutTheme]))
        let gaps = review.findings.filter { $0.kind == .localidadWithoutTheme }.map(\.message)
        #expect(gaps.count == 4, "habitabilidad en calle reaches only Santa Fe and Kennedy: \(gaps)")
        #expect(review.findings.contains { $0.kind == .missingSource && $0.place == "rutas[1].fuentes[0]" })
        #expect(review.problemCount > 0)
        #expect(review.summary.contains("problemas por corregir"))
    }

    @Test func oneNumberUnderTwoNamesIsFoundByItsDigits() throws {
        var catalogue = try CatalogueReader.read(bytes: try Self.formatTwo().bytes)
        catalogue.rutas[2].channels.append(Channel(kind: .telefono, name: "Emergencias", value: "1-2-3", cutOff: "2026-11-01", sources: ["s3"]))
        let review = CatalogueReview(catalogue: catalogue)
        let found = review.findings.filter { $0.kind == .numberUnderTwoNames }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("«Emergencias»") == true)
    }
}
