/// One window of results: its rows, and what the search said about all of them.
struct RoutePage: Equatable, Sendable {
    var rows: [RouteRow]
    /// How many match in all, when the answer already knows.
    var total: RouteTotal?
    /// The query as searched, when a mistyped word was replaced.
    var correctedQuery: String?
}
