/// The text a route is found by: its title apart (title hits rank first), and a body with
/// everything else a gestor might type — summary, steps, channels, population, requirements,
/// and the names and acronyms of its themes and entities.
enum RouteSearchText {
    static func body(of ruta: Ruta, references: ReferenceLists) -> String {
        var parts: [String] = [ruta.summary, ruta.population]
        parts += ruta.themes.map { references.name(.temas, id: $0) }
        for id in ruta.entities {
            let entity = references.item(.entidades, id: id)
            parts += [entity?.acronym ?? id, entity?.name ?? ""]
        }
        parts += ruta.populationGroups.map { references.name(.poblaciones, id: $0) }
        for step in ruta.steps { parts += [step.title, step.detail ?? ""] }
        for channel in ruta.channels { parts += [channel.name, channel.value] }
        parts += ruta.requirements
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
