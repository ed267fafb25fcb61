import TerritorioModel

/// The store's catalogue reads whole routes by id, judged against its own sources and date.
extension CatalogueStore: RouteCatalogue {
    func routeForReading(id: String) throws -> Ruta? {
        try rutaWithFreshness(id: id, months: FreshnessPolicy.defaultMonths)
    }
}
