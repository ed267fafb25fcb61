import TerritorioModel

/// What "acerca de" in the help tells: the program's version and the catalogue in use.
struct AboutInfo: Equatable, Sendable {
    var version: String
    var catalogue: CatalogueInfo?
    var routeCount: Int
    /// The data directory, so the gestor (or whoever helps them) knows where everything is.
    var dataPath: String
    /// The sync server of the profile, nil when none is configured.
    var server: String? = nil
}
