import Foundation

/// The catalogue in `territorio.sqlite`: replaced whole by an import, read by the CLI and the
/// interface. All SQL goes through `Database` with bound values.
public struct CatalogueStore {
    /// The `ruta_referencias` value that stands for "all localidades".
    static let everywhere = "*todas*"

    let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: - Writing

    /// Replaces the catalogue in use by `catalogue`, in one transaction: if anything fails the
    /// previous catalogue stays exactly as it was.
    public func replace(with catalogue: Catalogue) throws {
        try database.transaction {
            try database.executeScript("""
                DELETE FROM rutas_busqueda;
                DELETE FROM rutas_terminos;
                DELETE FROM ruta_referencias;
                DELETE FROM rutas;
                DELETE FROM referencias;
                DELETE FROM catalogo_meta;
                """)
            let meta = try database.prepare("INSERT INTO catalogo_meta (clave, valor) VALUES (?, ?)")
            try meta.run(["formato", Catalogue.format])
            try meta.run(["version", catalogue.info.version])
            try meta.run(["fecha", catalogue.info.date])
            try meta.run(["muestra", catalogue.info.isSample ? "1" : "0"])
            if let notice = catalogue.info.notice { try meta.run(["aviso", notice]) }
            try meta.run(["rutas", String(catalogue.rutas.count)])
            try meta.run(["fuentes", JSONWriter.string(.array(catalogue.sources.map(\.json)))])
            // Changes with every import, so caches of the old catalogue (search vocabulary) expire.
            try meta.run(["generacion", UUID().uuidString.lowercased()])

            let reference = try database.prepare("""
                INSERT INTO referencias (lista, id, orden, nombre, numero, sigla, descripcion, entidad, tema)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for kind in ReferenceKind.allCases {
                for (order, item) in catalogue.references[kind].enumerated() {
                    try reference.run([kind.rawValue, item.id, order, item.name, item.number, item.acronym,
                                       item.description, item.entity, item.theme])
                }
            }

            let route = try database.prepare("INSERT INTO rutas (numero, id, titulo, resumen, documento) VALUES (?, ?, ?, ?, ?)")
            let link = try database.prepare("INSERT OR IGNORE INTO ruta_referencias (ruta, lista, valor) VALUES (?, ?, ?)")
            let search = try database.prepare("INSERT INTO rutas_busqueda (rowid, titulo, cuerpo) VALUES (?, ?, ?)")
            for (offset, ruta) in catalogue.rutas.enumerated() {
                let number = offset + 1
                try route.run([number, ruta.id, ruta.title, ruta.summary, JSONWriter.string(ruta.json)])
                for theme in ruta.themes { try link.run([number, ReferenceKind.temas.rawValue, theme]) }
                for entity in ruta.entities { try link.run([number, ReferenceKind.entidades.rawValue, entity]) }
                switch ruta.coverage {
                case .everywhere:
                    try link.run([number, ReferenceKind.localidades.rawValue, Self.everywhere])
                case .localidades(let ids):
                    for id in ids { try link.run([number, ReferenceKind.localidades.rawValue, id]) }
                }
                try search.run([number, ruta.title, RouteSearchText.body(of: ruta, references: catalogue.references)])
            }
            try database.executeScript("INSERT INTO rutas_terminos (termino, rutas) SELECT term, doc FROM rutas_vocabulario")
        }
    }

    // MARK: - Reading

    /// The catalogue in use, or nil when none was ever imported.
    public func info() throws -> CatalogueInfo? {
        var values: [String: String] = [:]
        // Only these keys: `fuentes` is tens of kilobytes, and this is read at every start.
        for row in try database.query("SELECT clave, valor FROM catalogo_meta WHERE clave IN ('version', 'fecha', 'muestra', 'aviso')") {
            values[try row.get(0)] = try row.get(1)
        }
        guard let version = values["version"], let date = values["fecha"] else { return nil }
        return CatalogueInfo(version: version, date: date, isSample: values["muestra"] == "1", notice: values["aviso"])
    }

    /// Changes with every import: a key for caches derived from the catalogue.
    public func generation() throws -> String? {
        try database.scalar("SELECT valor FROM catalogo_meta WHERE clave = 'generacion'", as: String.self)
    }

    /// No route at all — without counting them (a count walks an index of every route).
    public func isEmpty() throws -> Bool {
        try database.scalar("SELECT NOT EXISTS (SELECT 1 FROM rutas)", as: Bool.self) ?? true
    }

    /// How many routes: counted when the catalogue was imported (counting walks an index of
    /// every route — a thousand pages at 100 000 routes — and the first screen shows it), or
    /// now for a catalogue imported before the count was kept.
    public func routeCount() throws -> Int {
        if let kept = try database.scalar("SELECT valor FROM catalogo_meta WHERE clave = 'rutas'", as: String.self),
           let count = Int(kept) {
            return count
        }
        return try database.scalar("SELECT count(*) FROM rutas", as: Int.self) ?? 0
    }

    /// The route with exactly this id.
    public func ruta(id: String) throws -> Ruta? {
        guard let document = try database.scalar("SELECT documento FROM rutas WHERE id = ?", [id], as: String.self) else {
            return nil
        }
        return try Self.decodeStored(document)
    }

    /// Calls `body` with each route matching `filter`, in catalogue order, one at a time, so a
    /// list of any length never sits whole in memory.
    public func forEachRoute(matching filter: RouteFilter = RouteFilter(), _ body: (RouteSummary) throws -> Void) throws {
        let conditions = filter.conditions
        let whereClause = conditions.sql.isEmpty ? "" : "WHERE " + conditions.sql.joined(separator: " AND ")
        try database.prepare("SELECT id, titulo, resumen FROM rutas AS r \(whereClause) ORDER BY r.numero")
            .forEachRow(conditions.arguments) { row in
                try body(RouteSummary(id: try row.get(0), title: try row.get(1), summary: try row.get(2)))
            }
    }

    /// The catalogue's sources, in file order (none for a catalogue imported from a `/1` file).
    public func sources() throws -> [Fuente] {
        guard let text = try database.scalar("SELECT valor FROM catalogo_meta WHERE clave = 'fuentes'", as: String.self) else {
            return []
        }
        return try CatalogueReader.readStoredSources(JSONParser.parse(Array(text.utf8)))
    }

    /// How the catalogue in use judges its channels' freshness (nil when none was imported).
    public func freshnessPolicy(months: Int = FreshnessPolicy.defaultMonths) throws -> FreshnessPolicy? {
        guard let info = try info() else { return nil }
        return FreshnessPolicy(sources: try sources(), catalogueDate: info.date, months: months)
    }

    /// The route with exactly this id, each channel with its freshness, for showing.
    public func rutaWithFreshness(id: String, months: Int = FreshnessPolicy.defaultMonths) throws -> Ruta? {
        guard let ruta = try ruta(id: id), let policy = try freshnessPolicy(months: months) else { return nil }
        return policy.judged(ruta)
    }

    /// All reference lists, each in catalogue order.
    public func references() throws -> ReferenceLists {
        var lists = ReferenceLists()
        let rows = try database.query("""
            SELECT lista, id, nombre, numero, sigla, descripcion, entidad, tema
            FROM referencias ORDER BY lista, orden
            """)
        for row in rows {
            guard let kind = ReferenceKind(rawValue: try row.get(0)) else { continue }
            lists[kind].append(ReferenceItem(
                kind: kind, id: try row.get(1), name: try row.get(2), number: try row.get(3), acronym: try row.get(4),
                description: try row.get(5), entity: try row.get(6), theme: try row.get(7)))
        }
        return lists
    }

    /// The whole catalogue in use, routes in catalogue order (nil when none was imported).
    public func catalogue() throws -> Catalogue? {
        guard let info = try info() else { return nil }
        let rutas = try database.query("SELECT documento FROM rutas ORDER BY numero").map { try Self.decodeStored(try $0.get(0)) }
        return Catalogue(info: info, references: try references(), sources: try sources(), rutas: rutas)
    }

    /// A route from its stored document, which the import wrote from a validated route.
    static func decodeStored(_ document: String) throws -> Ruta {
        try CatalogueReader.readRoute(JSONCursor(try JSONParser.parse(document), path: "rutas"))
    }
}
