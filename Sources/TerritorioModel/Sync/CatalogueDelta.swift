/// A catalogue pull as the server sends it (`GET /api/v1/catalogo/cambios`): the whole catalogue
/// (`completo`) or the routes that changed and the ids deleted since the client's version.
struct CatalogueDelta {
    let cursor: String
    let isComplete: Bool
    /// The catalogue file's top-level fields (version, fecha, muestra, aviso), when any.
    let header: JSONValue?
    let references: JSONValue?
    /// The catalogue's `fuentes` (a server that publishes `/1` files sends none).
    let sources: JSONValue?
    let routes: [JSONValue]
    let deleted: Set<String>

    init(json: JSONValue) throws {
        guard case .string(let cursor)? = json["cursor"] else { throw CatalogueError.invalid(place: "cursor", problem: "falta") }
        self.cursor = cursor
        if case .bool(true)? = json["completo"] { isComplete = true } else { isComplete = false }
        header = json["catalogo"].flatMap { $0 == .null ? nil : $0 }
        references = json["referencias"].flatMap { $0 == .null ? nil : $0 }
        sources = json["fuentes"].flatMap { $0 == .null ? nil : $0 }
        if case .array(let routes)? = json["rutas"] { self.routes = routes } else { routes = [] }
        if case .array(let ids)? = json["borradas"] {
            deleted = Set(ids.compactMap { if case .string(let id) = $0 { id } else { nil } })
        } else {
            deleted = []
        }
    }

    /// Nothing published, or nothing new: the local catalogue stays as it is.
    var changesSomething: Bool { header != nil && (isComplete || !routes.isEmpty || !deleted.isEmpty || references != nil) }

    /// The catalogue after this delta, validated whole like an imported file.
    /// - Throws: `CatalogueError` naming the place of the first problem.
    func applied(to current: Catalogue?) throws -> Catalogue {
        var order: [String] = []
        var documents: [String: JSONValue] = [:]
        if !isComplete, let current {
            for ruta in current.rutas where !deleted.contains(ruta.id) {
                order.append(ruta.id)
                documents[ruta.id] = ruta.json
            }
        }
        for route in routes {
            guard case .string(let id)? = route["id"] else { throw CatalogueError.invalid(place: "rutas", problem: "una ruta no tiene id") }
            if documents[id] == nil { order.append(id) }
            documents[id] = route
        }
        var members: [(key: String, value: JSONValue)] = [("formato", .string(Catalogue.format))]
        if case .object(let fields)? = header {
            members += fields.filter { ["version", "fecha", "muestra", "aviso"].contains($0.key) }
        }
        members.append(("referencias", references ?? current?.references.json ?? .null))
        let kept = isComplete ? [] : current?.sources.map(\.json) ?? []
        members.append(("fuentes", sources ?? .array(kept)))
        members.append(("rutas", .array(order.compactMap { documents[$0] })))
        return try CatalogueReader.read(document: .object(members))
    }
}
