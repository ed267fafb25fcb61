/// What a search found: the routes, best first, with the matched words marked, how many routes
/// match in all, and the words that were corrected.
public struct SearchResults: Equatable, Sendable {
    public let query: String
    /// The query as it was searched, when a mistyped word was replaced ("Resultados para «violencia»").
    public let correctedQuery: String?
    public let hits: [SearchHit]
    /// Routes matching at least one word, counted up to `countLimit`.
    public let total: Int
    public let totalIsCapped: Bool

    /// Beyond this many matches a count says "más de …": counting 100 000 routes per key is waste.
    public static let countLimit = 1_000

    public var json: JSONValue {
        .object([
            ("consulta", .string(query)),
            ("corregida", .optional(correctedQuery)),
            ("total", .integer(Int64(total))),
            ("total_es_minimo", .bool(totalIsCapped)),
            ("resultados", .array(hits.map(\.json))),
        ])
    }
}

/// One route found, with its title and a fragment of its text where the words matched.
public struct SearchHit: Equatable, Sendable {
    public let route: RouteSummary
    public let title: MarkedText
    public let snippet: MarkedText

    public var json: JSONValue {
        .object([
            ("id", .string(route.id)),
            ("titulo", .string(route.title)),
            ("resumen", .string(route.summary)),
            ("titulo_marcado", title.json),
            ("fragmento", snippet.json),
        ])
    }
}
