import TerritorioModel

/// Where the interface reads a whole route when the gestor opens it.
protocol RouteCatalogue {
    /// The route with each channel's freshness filled in.
    func routeForReading(id: String) throws -> Ruta?
}
