import TerritorioModel

/// Routes as plain text for the terminal: the main line first, steps numbered «1.», every
/// channel with its cut-off date and "(por confirmar)" where the source does not confirm it.
enum RouteText {
    /// - Parameter sources: the catalogue's sources, to name the ones the route cites.
    static func detail(_ ruta: Ruta, references: ReferenceLists, sources: [Fuente]) -> String {
        var lines = [ruta.title, String(repeating: "═", count: min(ruta.title.count, 78))]
        if let main = ruta.mainChannel {
            lines.append("Línea principal: \(channel(main))")
        }
        let entities = ruta.entities.map { id -> String in
            guard let entity = references.item(.entidades, id: id) else { return id }
            return entity.acronym.map { "\($0) (\(entity.name))" } ?? entity.name
        }
        lines.append("Entidades: " + entities.joined(separator: "; "))
        lines.append("Temas: " + ruta.themes.map { references.name(.temas, id: $0) }.joined(separator: ", "))
        if !ruta.population.isEmpty { lines.append("Población: " + ruta.population) }
        switch ruta.coverage {
        case .everywhere: lines.append("Dónde aplica: toda Bogotá")
        case .localidades(let ids):
            lines.append("Dónde aplica: " + ids.map { references.name(.localidades, id: $0) }.joined(separator: ", "))
        }
        lines += ["", ruta.summary, "", "Pasos:"]
        for (offset, step) in ruta.steps.enumerated() {
            lines.append("  \(offset + 1). \(step.title)")
            if let detail = step.detail {
                lines += detail.split(separator: "\n", omittingEmptySubsequences: false).map { "     " + $0 }
            }
        }
        if !ruta.channels.isEmpty {
            lines += ["", "Canales:"]
            lines += ruta.channels.map { "  • " + channel($0) }
        }
        if !ruta.requirements.isEmpty {
            lines += ["", "Requisitos:"] + ruta.requirements.map { "  • " + $0 }
        }
        if !ruta.legalBasis.isEmpty || ruta.legalBasisUnconfirmed {
            lines += ["", "Base legal:"] + ruta.legalBasis.map { "  • " + $0 }
            if ruta.legalBasisUnconfirmed { lines.append("  • por confirmar") }
        }
        lines += ["", "Fuente: " + ruta.source]
        let cited = ruta.sources.compactMap { id in sources.first { $0.id == id } }
        if !cited.isEmpty {
            lines.append("Fuentes:")
            lines += cited.map { source in
                "  • [\(source.id)] \(source.title) (" + (source.date.map { "\($0)" } ?? "sin fecha")
                    + "; consultada \(source.consulted))" + (source.address.map { " \($0)" } ?? "")
            }
        }
        lines.append("Actualizada: " + DisplayDate.text(ruta.updated))
        return lines.joined(separator: "\n")
    }

    /// `Línea Púrpura Distrital: 01 8000 112 137 · 24 horas · corte 14/02/2026 (por confirmar)`,
    /// then «verificar vigencia (fuente de 2021)» when its newest source is old or undated.
    static func channel(_ channel: Channel) -> String {
        var text = "\(channel.name): \(channel.value)"
        if let hours = channel.hours { text += " · \(hours)" }
        text += " · corte \(DisplayDate.text(channel.cutOff))"
        if channel.unconfirmed { text += " (por confirmar)" }
        if let warning = channel.freshness?.warning { text += " " + warning }
        return text
    }

    /// One line per route for lists and search results.
    static func summaryLines(_ routes: [RouteSummary]) -> [String] {
        let width = min(routes.map(\.id.count).max() ?? 0, 40)
        return routes.map { "  " + $0.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.title }
    }
}
