/// Answers the catalogue list's questions synchronously. The store's implementation wraps the
/// model's search (`StoreRouteSource`); tests use generated rows. Only the rows asked for are
/// ever produced, so a list of any length is never loaded whole.
protocol RouteSource {
    /// The rows `request.offset ..< request.offset + request.limit` of the query's results.
    func page(for request: RouteRequest) throws -> RoutePage
    /// How many routes match `query` when its pages do not say; nil when `isCancelled` said to stop.
    func total(for query: RouteQuery, isCancelled: () -> Bool) throws -> RouteTotal?
}
