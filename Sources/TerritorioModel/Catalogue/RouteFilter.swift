/// Narrows routes to a theme, an entity and/or a localidad (ids already resolved).
/// A route that applies everywhere matches every localidad.
public struct RouteFilter: Equatable, Sendable {
    public var theme: String?
    public var entity: String?
    public var localidad: String?

    public init(theme: String? = nil, entity: String? = nil, localidad: String? = nil) {
        self.theme = theme
        self.entity = entity
        self.localidad = localidad
    }

    /// SQL conditions on `rutas AS r` and their bound arguments.
    var conditions: (sql: [String], arguments: [any SQLValueConvertible]) {
        var sql: [String] = []
        var arguments: [any SQLValueConvertible] = []
        let link = "EXISTS (SELECT 1 FROM ruta_referencias WHERE ruta = r.numero AND lista = ? AND valor IN (?, ?))"
        if let theme {
            sql.append(link)
            arguments += [ReferenceKind.temas.rawValue, theme, theme]
        }
        if let entity {
            sql.append(link)
            arguments += [ReferenceKind.entidades.rawValue, entity, entity]
        }
        if let localidad {
            sql.append(link)
            arguments += [ReferenceKind.localidades.rawValue, localidad, CatalogueStore.everywhere]
        }
        return (sql, arguments)
    }
}
