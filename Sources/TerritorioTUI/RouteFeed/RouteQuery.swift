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
