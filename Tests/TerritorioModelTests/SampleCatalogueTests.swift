import Testing
@testable import TerritorioModel

/// The shipped sample catalogue as the district would check it: enough routes, every fact traced
/// to a source listed in the file, no number the sources say not to publish, and a review that
/// finds only what the data itself declares unconfirmed or old.
@Suite struct SampleCatalogueTests {
    /// Numbers seen in weak or outdated sources that must never be shipped, digits only: Enel's
    /// old 7-digit "7115115 opción 5", the SDS "+57 1 364 90 90 ext. 6656-6657", Supersalud's
    /// "01-8000-513-700" from a non-official page, and the water-rationing WhatsApp agent
    /// "Chatico" +57 316 023 1524.
    static let doNotShip = ["7115115", "3649090", "66566657", "018000513700", "3160231524"]

    @Test func hasAtLeastNinetyFiveRoutesWithUniqueIds() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        #expect(catalogue.rutas.count >= 95)
        #expect(Set(catalogue.rutas.map(\.id)).count == catalogue.rutas.count)
    }

    @Test func everyRouteAndChannelCitesSourcesThatExist() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        let ids = Set(catalogue.sources.map(\.id))
        #expect(!ids.isEmpty)
        for ruta in catalogue.rutas {
            #expect(!ruta.sources.isEmpty, "\(ruta.id) cites no source")
            #expect(ruta.sources.allSatisfy(ids.contains), "\(ruta.id) cites a missing source")
            for channel in ruta.channels {
                #expect(!channel.sources.isEmpty, "\(ruta.id): «\(channel.name)» cites no source")
                #expect(channel.sources.allSatisfy(ids.contains), "\(ruta.id): «\(channel.name)» cites a missing source")
                #expect(channel.sources.allSatisfy(ruta.sources.contains), "\(ruta.id): the route lists its channels' sources too")
            }
        }
    }

    @Test func noSourceDateIsInventedFromAYearOrMonth() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        let undated = catalogue.sources.filter { $0.date == nil }
        let yearOnly = catalogue.sources.filter { $0.date != nil && $0.date?.month == nil }
        #expect(!undated.isEmpty && !yearOnly.isEmpty, "undated and year-only sources keep their precision")
        for ruta in catalogue.rutas {
            for channel in ruta.channels {
                #expect(!channel.cutOff.hasSuffix("-01-01"), "\(ruta.id): «\(channel.name)» has a made-up 1 January")
            }
        }
    }

    @Test func noNumberTheSourcesSayNotToShipAppears() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        var texts: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let text): texts.append(text)
            case .array(let elements): elements.forEach(collect)
            case .object(let members): members.forEach { collect($0.value) }
            default: break
            }
        }
        collect(catalogue.json)
        for text in texts {
            let digits = String(text.filter(\.isASCII).filter(\.isNumber))
            for number in Self.doNotShip {
                #expect(!digits.contains(number), "«\(text)» contains \(number)")
            }
        }
    }

    @Test func cityWideRoutesApplyEverywhere() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        let routes = Dictionary(uniqueKeysWithValues: catalogue.rutas.map { ($0.id, $0) })
        for id in ["victima-conflicto-clav-centros-encuentro", "migrante-integrate-supercade", "centro-abrazar-santa-fe"] {
            #expect(routes[id]?.coverage == .everywhere, "\(id)")
        }
        #expect(routes["casas-justicia-ruta-integral-mujeres"]?.coverage != .everywhere)
        let pothole = try #require(routes["hueco-malla-vial"]?.mainChannel)
        #expect(!pothole.unconfirmed, "the line read first is a confirmed one")
        for ruta in catalogue.rutas {
            for channel in ruta.channels where channel.name == "Comisaría de Familia" {
                #expect(channel.unconfirmed, "\(ruta.id): the 2021 hours are «por confirmar»")
            }
        }
    }

    @Test func theReviewFindsOnlyWhatTheDataDeclares() throws {
        let catalogue = try CatalogueReader.read(path: Fixtures.sampleCataloguePath)
        let review = CatalogueReview(catalogue: catalogue)
        #expect(review.problemCount == 0, "\(review.findings.filter { !$0.kind.isKnown }.map(\.message))")
        #expect(review.count(.unconfirmedChannel) > 0)
        #expect(review.count(.staleChannel) > 0)
        #expect(review.summary.hasPrefix("Revisión del catálogo \(catalogue.info.version): sin problemas; conocidos: "))
    }
}
