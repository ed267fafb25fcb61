import TerritorioModel

/// Synthetic catalogues of any size for the benchmark: routes whose text is drawn, with a
/// seeded random source and a skew toward common words, from the words of the sample
/// catalogue, so term frequencies resemble real Spanish text and every run measures the same data.
struct SyntheticCatalogue {
    private let words: [String]
    private let sample: Catalogue

    init(sample: Catalogue) {
        self.sample = sample
        var seen = Set<String>()
        var words: [String] = []
        for ruta in sample.rutas {
            let text = ([ruta.title, ruta.summary] + ruta.steps.map(\.title)).joined(separator: " ")
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 2 {
                let lower = word.lowercased()
                if seen.insert(lower).inserted { words.append(lower) }
            }
        }
        self.words = words
    }

    /// The vocabulary the routes are written with (for choosing queries).
    var vocabulary: [String] { words }

    func make(routes count: Int, seed: UInt64) -> Catalogue {
        var random = SeededRandom(seed: seed)
        let themes = sample.references[.temas].map(\.id)
        let entities = sample.references[.entidades].map(\.id)
        let rutas = (0..<count).map { index in
            Ruta(id: "ruta-\(index)",
                 title: sentence(words: 4 + Int(random.next() % 5), &random),
                 summary: sentence(words: 20 + Int(random.next() % 20), &random),
                 themes: [themes[Int(random.next() % UInt64(themes.count))]],
                 entities: [entities[Int(random.next() % UInt64(entities.count))]],
                 population: sentence(words: 5, &random),
                 populationGroups: [],
                 coverage: .everywhere,
                 steps: (0..<3).map { _ in RouteStep(title: sentence(words: 6 + Int(random.next() % 6), &random)) },
                 channels: [Channel(kind: .telefono, name: "Línea 195", value: "195", cutOff: "2026-11-20")],
                 requirements: [], legalBasis: [], source: "sintético", updated: "2026-11-22")
        }
        return Catalogue(info: CatalogueInfo(version: "sintetico-\(count)", date: "2026-11-22", isSample: true),
                         references: sample.references, rutas: rutas)
    }

    /// Words drawn with a skew like real text's: the first words of the vocabulary (the sample's
    /// most frequent ones come early) appear in many routes, most words in few.
    private func sentence(words count: Int, _ random: inout SeededRandom) -> String {
        let chosen = (0..<count).map { _ in
            let uniform = Double(random.next() >> 11) / Double(1 << 53)
            return words[min(words.count - 1, Int(Double(words.count) * uniform * uniform * uniform))]
        }
        return chosen.joined(separator: " ").prefix(1).uppercased() + chosen.joined(separator: " ").dropFirst() + "."
    }
}
