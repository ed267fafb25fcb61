import TerritorioModel

/// The catalogue list's rows from the store, through the model's public API: `forEachRoute`
/// (stopping as soon as the window is full) when there is no text, `CatalogueSearch.find` —
/// which also counts, corrects typos and marks the matched words — when there is. Nothing
/// here is SQL.
final class StoreRouteSource: RouteSource {
    private let store: Store
    private let synonyms: () -> SynonymTable
    /// Made at the first text query (the synonyms file is read then, not before the first
    /// screen) and kept for the worker's life: it caches the search vocabulary between keys.
    private lazy var search = CatalogueSearch(database: store.database, synonyms: synonyms())

    init(store: Store, synonyms: @escaping @autoclosure () -> SynonymTable) {
        self.store = store
        self.synonyms = synonyms
    }

    func page(for request: RouteRequest) throws -> RoutePage {
        guard request.query.hasText else {
            var rows: [RouteRow] = []
            var index = 0
            try each(matching: request.query.filter) { summary in
                if index >= request.offset { rows.append(RouteRow(summary)) }
                index += 1
                return rows.count < request.limit
            }
            return RoutePage(rows: rows)
        }
        // `find` has no offset: ask for the rows up to the window's end.
        let results = try search.find(request.query.text, filter: request.query.filter, limit: request.offset + request.limit)
        return RoutePage(rows: results.hits.dropFirst(request.offset).map(RouteRow.init),
                         total: results.totalIsCapped ? .atLeast(results.total) : .exact(results.total),
                         correctedQuery: results.correctedQuery)
    }

    func total(for query: RouteQuery, isCancelled: () -> Bool) throws -> RouteTotal? {
        if query.isWholeCatalogue { return .exact(try store.catalogue.routeCount()) }
        var count = 0
        var cancelled = false
        try each(matching: query.filter) { _ in
            count += 1
            cancelled = count % 256 == 0 && isCancelled()
            return !cancelled
        }
        return cancelled ? nil : .exact(count)
    }

    /// `forEachRoute` that stops when `body` returns false.
    private func each(matching filter: RouteFilter, _ body: (RouteSummary) -> Bool) throws {
        struct Stop: Error {}
        do {
            try store.catalogue.forEachRoute(matching: filter) { summary in
                if !body(summary) { throw Stop() }
            }
        } catch is Stop {}
    }
}
