/// Every term of the search index (accent-folded, as FTS5 stores them), bucketed by length, to
/// find the closest real word to a mistyped one (`violensia` → `violencia`).
struct SearchVocabulary {
    private var termsByLength: [Int: [(term: String, documents: Int)]] = [:]

    init(database: Database) throws {
        try database.prepare("SELECT termino, rutas FROM rutas_terminos").forEachRow { row in
            let term: String = try row.get(0)
            termsByLength[term.count, default: []].append((term, try row.get(1)))
        }
    }

    /// How far a word may be from its correction: 1 edit, 2 for words of 8 letters or more.
    static func allowedDistance(for word: String) -> Int {
        word.count >= 8 ? 2 : 1
    }

    /// The closest term within the allowed distance; among equals, the one in most routes.
    /// With `asPrefix`, a term also counts when its beginning is that close (the gestor may
    /// still be typing the word).
    func closest(to word: String, asPrefix: Bool) -> String? {
        let limit = Self.allowedDistance(for: word)
        let length = word.count
        var best: (term: String, distance: Int, documents: Int)?
        let lengths = asPrefix ? Array(max(1, length - limit)...(length + 40)) : Array(max(1, length - limit)...(length + limit))
        for candidateLength in lengths {
            for (term, documents) in termsByLength[candidateLength] ?? [] {
                var distance = EditDistance.between(word, term)
                if asPrefix, distance > limit {
                    for end in max(1, length - limit)...min(term.count, length + limit) {
                        distance = min(distance, EditDistance.between(word, String(term.prefix(end))))
                    }
                }
                guard distance <= limit, distance > 0 || term != word else { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && documents > best!.documents) {
                    best = (term, distance, documents)
                }
            }
        }
        return best?.term
    }
}
