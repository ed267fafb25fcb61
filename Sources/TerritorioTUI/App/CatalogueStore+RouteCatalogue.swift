import TerritorioModel

/// The store's catalogue already reads whole routes by id, as the interface needs.
extension CatalogueStore: RouteCatalogue {}
