/// What a novedad reported from a route starts with: the route, the novedad type of its theme,
/// and the entity that attends it — the type's own when the route names it, else the route's
/// first entity.
public enum RouteReport {
    public static func changes(for ruta: Ruta, references: ReferenceLists) -> NovedadChanges {
        var changes = NovedadChanges()
        changes.route = ruta.id
        let type = references[.tipos].first { type in type.theme.map(ruta.themes.contains) ?? false }
        if let type {
            changes.type = type.id
        }
        if let entity = type?.entity, ruta.entities.contains(entity) || ruta.entities.isEmpty {
            changes.entity = entity
        } else if let first = ruta.entities.first, references.item(.entidades, id: first) != nil {
            changes.entity = first
        }
        return changes
    }
}
