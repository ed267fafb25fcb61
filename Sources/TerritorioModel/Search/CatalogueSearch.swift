import Foundation

/// Search over the catalogue that forgives: accents and case (FTS5 `remove_diacritics`), the
/// last word as a prefix, Spanish plurals, synonyms, one- or two-letter typos, and routes that
/// match only some of the words.
///
/// Ranking: routes matching more of the query's words first; among those, routes with a word
/// in the title first, then FTS5's bm25 (title weighted 10×), then catalogue order. The work per
/// key is bounded: when a set of matches is too big to rank (a one-letter prefix over 100 000
/// routes), it is taken title matches first in catalogue order, which is what a gestor typing
/// one letter can use anyway.
public final class CatalogueSearch {
    /// Distinct words beyond this are ignored: no real question is longer.
    public static let maximumWords = 8
    /// FTS5 keeps prefix indexes up to this many letters (`prefix = '1 2 3 4'`); a longer
    /// prefix is expanded into the words it begins, which FTS5 reads without merging.
    static let prefixIndexLength = 4
    /// A longer prefix beginning more words than this stays an FTS5 prefix query.
    static let maximumExpansion = 24
    /// Matches of one level ranked exactly by bm25; above this, title-first catalogue order.
    static let rankingLimit = 300

    private let database: Database
    private let synonyms: SynonymTable
    private var vocabulary: (generation: String?, words: SearchVocabulary)?

    public init(database: Database, synonyms: SynonymTable = .empty) {
        self.database = database
        self.synonyms = synonyms
    }

    /// Routes for `text`, best first.
    /// - Throws: `DatabaseError` only for a broken store; any text is a valid query.
    public func find(_ text: String, filter: RouteFilter = RouteFilter(), limit: Int = 20) throws -> SearchResults {
        let terms = try queryTerms(text)
        let corrected = terms.contains(where: \.wasCorrected) ? terms.map(\.searched).joined(separator: " ") : nil
        guard !terms.isEmpty else {
            return SearchResults(query: text, correctedQuery: nil, hits: [], total: 0, totalIsCapped: false)
        }
        let any = terms.map(\.expression).joined(separator: " OR ")
        var ranked: [Int64] = []
        var seen = Set<Int64>()
        var total: Int?
        for level in levels(count: terms.count) where ranked.count < limit {
            let expression = level.map { subset in
                "(" + subset.map { terms[$0].expression }.joined(separator: " AND ") + ")"
            }.joined(separator: " OR ")
            let result = try rank(expression, titleExpression: "{titulo} : (\(any))", filter: filter, limit: limit + seen.count,
                                  expectFew: level.allSatisfy { $0.count > 1 })
            if level.contains(where: { $0.count == 1 }), result.matches <= Self.rankingLimit { total = result.matches }
            for rowid in result.rowids where seen.insert(rowid).inserted {
                ranked.append(rowid)
            }
        }
        let hits = try ranked.prefix(limit).map { try hit(rowid: $0, terms: terms) }
        let count = try total ?? self.count(any, filter: filter)
        return SearchResults(query: text, correctedQuery: corrected, hits: hits,
                             total: min(count, SearchResults.countLimit), totalIsCapped: count > SearchResults.countLimit)
    }

    // MARK: - Query terms

    /// The query's words as terms: stop words dropped (unless nothing else is left), repeated
    /// words once, plurals and synonyms added, typos corrected, words with no match dropped.
    func queryTerms(_ text: String) throws -> [QueryTerm] {
        var words: [String] = []
        for word in TextFolding.words(text) where !words.contains(word) { words.append(word) }
        let meaningful = words.filter { !SpanishStopWords.words.contains($0) }
        if !meaningful.isEmpty { words = meaningful }
        words = Array(words.prefix(Self.maximumWords))
        let lastIsPrefix = !(text.last?.isWhitespace ?? true)
        var terms: [QueryTerm] = []
        for (offset, word) in words.enumerated() {
            let isPrefix = lastIsPrefix && offset == words.count - 1
            if let term = try term(for: word, typed: word, isPrefix: isPrefix) {
                terms.append(term)
            } else if let correction = try correction(for: word, isPrefix: isPrefix),
                      let term = try term(for: correction, typed: word, isPrefix: false) {
                terms.append(term)
            }
        }
        return terms
    }

    /// The term for `word` with its plural forms and synonyms, or nil when none of them is in the
    /// index. Forms that are not indexed stay in the term: to FTS5 they are an empty list, which
    /// costs less than a query to rule each one out.
    private func term(for word: String, typed: String, isPrefix: Bool) throws -> QueryTerm? {
        var candidates: [String] = []
        for form in SpanishPlural.forms(of: word) {
            for candidate in [form] + synonyms.synonyms(of: form) where !candidates.contains(candidate) {
                candidates.append(candidate)
            }
        }
        var prefix = isPrefix ? word : nil
        if isPrefix, word.count > Self.prefixIndexLength, let expansion = try words(beginning: word) {
            candidates += expansion.filter { !candidates.contains($0) }
            prefix = nil
        }
        let term = QueryTerm(typed: typed, searched: word, terms: candidates.filter { prefix == nil || !$0.hasPrefix(word) },
                             prefix: prefix)
        return try matchesAny(term.expression) ? term : nil
    }

    /// The indexed words that begin with `prefix`, or nil when there are too many to list.
    private func words(beginning prefix: String) throws -> [String]? {
        let words: [String] = try database.query(
            "SELECT termino FROM rutas_terminos WHERE termino >= ? AND termino < ? LIMIT ?",
            [prefix, prefix + "\u{10FFFF}", Self.maximumExpansion + 1]
        ).map { try $0.get(0) }
        return words.count > Self.maximumExpansion ? nil : words
    }

    private func correction(for word: String, isPrefix: Bool) throws -> String? {
        guard word.count >= 3 else { return nil }
        let generation = try CatalogueStore(database: database).generation()
        if vocabulary == nil || vocabulary?.generation != generation {
            vocabulary = (generation, try SearchVocabulary(database: database))
        }
        return vocabulary?.words.closest(to: word, asPrefix: isPrefix)
    }

    private func matchesAny(_ expression: String) throws -> Bool {
        try database.scalar("SELECT rowid FROM rutas_busqueda WHERE rutas_busqueda MATCH ? LIMIT 1",
                            [expression], as: Int64.self) != nil
    }

    // MARK: - Ranking

    /// Subsets of the words, largest first: all words, then every combination of one fewer, …
    /// down to single words. Over four words only "all" and "any" are kept, to bound the work.
    private func levels(count: Int) -> [[[Int]]] {
        let sizes = count <= 4 ? Array((1...count).reversed()) : [count, 1]
        return sizes.map { combinations(of: Array(0..<count), size: $0) }
    }

    private func combinations(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let first = items[0], rest = Array(items.dropFirst())
        return combinations(of: rest, size: size - 1).map { [first] + $0 } + combinations(of: rest, size: size)
    }

    /// Up to `limit` rowids matching `expression` (and `filter`), best first, and how many match
    /// (counted up to `rankingLimit + 1`).
    ///
    /// Matches are scored with bm25, the title weighted 10×, and with bm25 over the title alone,
    /// which is non-zero exactly when a word matches in the title. When there are more than can
    /// be ranked, title matches come first, each part in catalogue order. `expectFew` (levels that
    /// need several words at once) scores in the first query; otherwise a cheap first query counts
    /// the matches in rowid order, stopping early, so a one-letter prefix never scores thousands.
    private func rank(_ expression: String, titleExpression: String, filter: RouteFilter, limit: Int,
                      expectFew: Bool) throws -> (rowids: [Int64], matches: Int) {
        let scoring = "f.rowid, bm25(rutas_busqueda, 10.0, 1.0), bm25(rutas_busqueda, 1.0, 0.0)"
        let (sql, arguments) = matching(expression, filter: filter, columns: expectFew ? scoring : "f.rowid")
        let rows = try database.query(sql + " ORDER BY f.rowid LIMIT ?", arguments + [Self.rankingLimit + 1])
        guard rows.count > Self.rankingLimit else {
            let scoredRows = expectFew ? rows : try database.query(matching(expression, filter: filter, columns: scoring).0,
                                                                   arguments)
            let scored: [(rowid: Int64, score: Double, inTitle: Bool)] = try scoredRows.map {
                (try $0.get(0), try $0.get(1), try $0.get(2, as: Double.self) != 0)
            }
            let sorted = scored.sorted { a, b in
                if a.inTitle != b.inTitle { return a.inTitle }
                if a.score != b.score { return a.score < b.score }
                return a.rowid < b.rowid
            }
            return (sorted.prefix(limit).map(\.rowid), rows.count)
        }
        let probe: [Int64] = try rows.map { try $0.get(0) }
        let title = try rowids("(\(expression)) AND \(titleExpression)", filter: filter, limit: limit)
        let titleSet = Set(title)
        let rest = probe.lazy.filter { !titleSet.contains($0) }.prefix(limit)
        return (Array((title + rest).prefix(limit)), rows.count)
    }

    private func rowids(_ expression: String, filter: RouteFilter, limit: Int) throws -> [Int64] {
        let (sql, arguments) = matching(expression, filter: filter, columns: "f.rowid")
        return try database.query(sql + " ORDER BY f.rowid LIMIT ?", arguments + [limit]).map { try $0.get(0) }
    }

    private func count(_ expression: String, filter: RouteFilter) throws -> Int {
        let (sql, arguments) = matching(expression, filter: filter, columns: "f.rowid")
        return try database.scalar("SELECT count(*) FROM (\(sql) LIMIT ?)", arguments + [SearchResults.countLimit + 1],
                                   as: Int.self) ?? 0
    }

    /// `SELECT columns FROM the index JOIN rutas WHERE MATCH … AND filter conditions`.
    private func matching(_ expression: String, filter: RouteFilter, columns: String) -> (String, [any SQLValueConvertible]) {
        let conditions = filter.conditions
        let join = conditions.sql.isEmpty ? "" : " JOIN rutas AS r ON r.numero = f.rowid"
        let extra = conditions.sql.map { " AND " + $0 }.joined()
        return ("SELECT \(columns) FROM rutas_busqueda AS f\(join) WHERE rutas_busqueda MATCH ?\(extra)",
                [expression] + conditions.arguments)
    }

    /// The route at `rowid` with the query's words marked in its title and in a fragment of its
    /// text. Marked here rather than by FTS5's `snippet()`, which would re-run the query per hit.
    private func hit(rowid: Int64, terms: [QueryTerm]) throws -> SearchHit {
        let rows = try database.query("""
            SELECT r.id, r.titulo, r.resumen, f.cuerpo
            FROM rutas AS r JOIN rutas_busqueda AS f ON f.rowid = r.numero
            WHERE r.numero = ?
            """, [rowid])
        guard let row = rows.first else {
            throw DatabaseError(extendedCode: ResultCode.error.rawValue, message: "la ruta \(rowid) desapareció durante la búsqueda")
        }
        let words = Set(terms.flatMap(\.terms))
        let prefixes = terms.compactMap(\.prefix)
        let isMatch: (String) -> Bool = { word in words.contains(word) || prefixes.contains { word.hasPrefix($0) } }
        let title: String = try row.get(1)
        return SearchHit(route: RouteSummary(id: try row.get(0), title: title, summary: try row.get(2)),
                         title: .highlighting(title, isMatch: isMatch),
                         snippet: .snippet(try row.get(3), isMatch: isMatch))
    }
}
