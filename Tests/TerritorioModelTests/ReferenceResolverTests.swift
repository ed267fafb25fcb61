import Testing
@testable import TerritorioModel

@Suite struct ReferenceResolverTests {
    private let lists: ReferenceLists

    init() throws {
        lists = try Fixtures.smallCatalogue().references
    }

    /// The id `input` resolves to in `kind`, or nil when it does not resolve to exactly one.
    private func resolved(_ input: String, _ kind: ReferenceKind = .localidades) -> String? {
        guard case .found(let item) = ReferenceResolver.resolve(input, in: lists[kind]) else { return nil }
        return item.id
    }

    @Test(arguments: [
        ("kennedy", "kennedy"), ("ciudad-bolivar", "ciudad-bolivar"),       // id
        ("8", "kennedy"), (" 19 ", "ciudad-bolivar"), ("1", "usaquen"),     // number
        ("Ciudad Bolivar", "ciudad-bolivar"), ("ciudad bolívar", "ciudad-bolivar"),
        ("CIUDAD  BOLÍVAR", "ciudad-bolivar"), ("usaquen", "usaquen"),      // name
        ("bolivar", "ciudad-bolivar"), ("rafael uribe", "rafael-uribe-uribe"),
        ("Cristóbal", "san-cristobal"), ("ken", "kennedy"),                 // unique word prefix
    ])
    func resolvesLocalidades(input: String, id: String) {
        #expect(resolved(input) == id)
    }

    @Test func resolvesEntitiesByAcronymInAnyCase() {
        #expect(resolved("idipron", .entidades) == "idipron")
        #expect(resolved("IDIPRON", .entidades) == "idipron")
        #expect(resolved("SdMuJeR", .entidades) == "sdmujer")
        #expect(resolved("sds", .entidades) == "sds")
        #expect(resolved("Secretaria Distrital de Salud", .entidades) == "sds")
        #expect(resolved("salud", .entidades) == "sds")
    }

    @Test func resolvesThemesAndTypes() {
        #expect(resolved("salud mental", .temas) == "salud-mental")
        #expect(resolved("calle", .temas) == "habitabilidad-calle")
        #expect(resolved("violencia contra una mujer", .tipos) == "violencia-mujer")
    }

    @Test func ambiguousPrefixListsTheCandidates() throws {
        guard case .ambiguous(let candidates) = ReferenceResolver.resolve("san", in: lists[.localidades]) else {
            Issue.record("«san» should be ambiguous")
            return
        }
        #expect(Set(candidates.map(\.id)) == ["santa-fe", "san-cristobal"])
        guard case .ambiguous(let entities) = ReferenceResolver.resolve("secretaria", in: lists[.entidades]) else {
            Issue.record("«secretaria» should be ambiguous")
            return
        }
        #expect(entities.map(\.id) == ["sdmujer", "sdis", "sds"])
    }

    @Test func unknownValueSuggestsCloseOnes() throws {
        guard case .unknown(let closest) = ReferenceResolver.resolve("kenedy", in: lists[.localidades]) else {
            Issue.record("«kenedy» should be unknown")
            return
        }
        #expect(closest.first?.id == "kennedy")
        guard case .unknown(let none) = ReferenceResolver.resolve("xyz", in: lists[.localidades]) else {
            Issue.record("«xyz» should be unknown")
            return
        }
        #expect(none.isEmpty)
        #expect(resolved("9") == nil)
        #expect(resolved("kennedy sur") == nil)
    }

    @Test(arguments: ["-", "?", "¿?", "(", "--"])
    func inputWithoutWordsResolvesToNothing(input: String) {
        guard case .unknown = ReferenceResolver.resolve(input, in: lists[.localidades]) else {
            Issue.record("«\(input)» has no words but resolved to \(ReferenceResolver.resolve(input, in: lists[.localidades]))")
            return
        }
    }

    @Test func emptyInputResolvesToNothing() {
        for input in ["", "   "] {
            guard case .unknown = ReferenceResolver.resolve(input, in: lists[.localidades]) else {
                Issue.record("«\(input)» resolved")
                continue
            }
        }
        guard case .unknown(let closest) = ReferenceResolver.resolve("kennedy", in: []) else {
            Issue.record("an empty list resolved")
            return
        }
        #expect(closest.isEmpty)
    }
}
