import TerritorioModel

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
