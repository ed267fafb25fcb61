import TerritorioModel

/// What the catalogue list asks for: the search text and the filters.
struct RouteQuery: Equatable, Sendable {
    var text: String
    var filter: RouteFilter

    /// Words to search for, not only spaces or signs.
    var hasText: Bool {
        !TextFolding.words(text).isEmpty
    }

    /// No text and no filter: the whole catalogue, whose size is one stored number.
    var isWholeCatalogue: Bool {
        !hasText && filter == RouteFilter()
    }
}

/// One question to a `RouteFeed`: the rows `offset ..< offset + limit` of `query`'s results.
/// `generation` numbers the query, so answers to a query the gestor has since changed are
/// recognised and dropped.
struct RouteRequest: Equatable, Sendable {
    var query: RouteQuery
    var offset: Int
    var limit: Int
    var generation: Int
    /// Also count the results when the rows do not say how many there are.
    var wantsTotal: Bool
}

/// How many routes match: exactly, or at least so many when counting further is not worth it.
enum RouteTotal: Equatable, Sendable {
    case exact(Int)
    case atLeast(Int)
}

/// A route as a row of the list: its title and, under it, its summary — or, for a search, the
/// fragment of its text where the words matched — with the matched words marked.
struct RouteRow: Equatable, Sendable {
    let id: String
    let title: MarkedText
    let detail: MarkedText

    /// A row with nothing marked, for lists without a search.
    init(_ summary: RouteSummary) {
        id = summary.id
        title = MarkedText(segments: [.init(text: summary.title, isMatch: false)])
        detail = MarkedText(segments: [.init(text: summary.summary, isMatch: false)])
    }

    /// A search's row: the title and fragment as the search marked them.
    init(_ hit: SearchHit) {
        id = hit.route.id
        title = hit.title
        detail = hit.snippet
    }
}

/// One window of results: its rows, and what the search said about all of them.
struct RoutePage: Equatable, Sendable {
    var rows: [RouteRow]
    /// How many match in all, when the answer already knows.
    var total: RouteTotal?
    /// The query as searched, when a mistyped word was replaced.
    var correctedQuery: String?
}

/// An answer from a `RouteFeed`.
enum RouteAnswer: Sendable {
    case page(RouteRequest, RoutePage)
    case total(RouteRequest, RouteTotal)
    /// The question could not be answered; the message is for the gestor.
    case failed(RouteRequest, String)

    var request: RouteRequest {
        switch self {
        case .page(let request, _), .total(let request, _), .failed(let request, _): request
        }
    }
}
