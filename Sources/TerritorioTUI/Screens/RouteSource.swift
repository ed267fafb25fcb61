import TerritorioModel

/// Answers the catalogue list's questions synchronously. The store's implementation wraps the
/// model's search (`StoreRouteSource`); tests use generated rows. Only the rows asked for are
/// ever produced, so a list of any length is never loaded whole.
protocol RouteSource {
    /// The rows `request.offset ..< request.offset + request.limit` of the query's results.
    func page(for request: RouteRequest) throws -> RoutePage
    /// How many routes match `query` when its pages do not say; nil when `isCancelled` said to stop.
    func total(for query: RouteQuery, isCancelled: () -> Bool) throws -> RouteTotal?
}

/// Answers the catalogue list's questions without making the interface wait: questions are
/// submitted, answers collected on a later turn of the loop.
protocol RouteFeed: AnyObject {
    /// Asks `request`, replacing any question not yet started.
    func submit(_ request: RouteRequest)
    /// The answers ready since the last call, oldest first.
    func takeAnswers() -> [RouteAnswer]
    /// Still working on something, a count included: more answers will come.
    var isBusy: Bool { get }
}

/// Where the interface reads a whole route when the gestor opens it.
protocol RouteCatalogue {
    /// The route with each channel's freshness filled in.
    func routeForReading(id: String) throws -> Ruta?
}
