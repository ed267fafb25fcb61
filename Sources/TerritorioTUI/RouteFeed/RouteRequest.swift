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
