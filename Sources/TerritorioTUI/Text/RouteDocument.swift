import TerritorioModel

/// A route laid out as lines for a given width, in the order a gestor needs it with a citizen
/// waiting: the title, the main line in a box right under it (so it is on the first screen at
/// 80x24 whatever follows), what the route is for, where and for whom, the steps as a vertical
/// flow of numbered boxes, every channel with its cut-off date, then the competent entities,
/// themes, requirements, legal basis, source and last update. `plain` (accessible mode) keeps
/// the order but draws no box: the main line and the steps as numbered lines.
enum RouteDocument {
    static func lines(for ruta: Ruta, references: ReferenceLists, width: Int, plain: Bool = false) -> [StyledLine] {
        var lines = TextFit.wrap(ruta.title, width: width).map { StyledLine($0, style: .title) }
        if let main = ruta.mainChannel { lines += plain ? mainLinePlain(main, width: width) : mainLineBox(main, width: width) }
        lines += TextFit.wrap(ruta.summary, width: width).map { StyledLine($0) }
        switch ruta.coverage {
        case .everywhere:
            lines += labeled("Dónde", "toda Bogotá", width: width)
        case .localidades(let ids):
            lines += labeled("Dónde", ids.map { references.name(.localidades, id: $0) }.joined(separator: ", "), width: width)
        }
        if !ruta.population.isEmpty { lines += labeled("Para", ruta.population, width: width) }

        lines += heading("Pasos")
        for (index, step) in ruta.steps.enumerated() {
            if plain {
                lines += stepContent(step, number: index + 1, width: width)
            } else {
                lines += stepBox(step, number: index + 1, isLast: index == ruta.steps.count - 1, width: width)
            }
        }
        if !ruta.channels.isEmpty {
            lines += heading("Canales")
            for channel in ruta.channels { lines += channelBlock(channel, width: width) }
        }
        lines.append(StyledLine())
        let entities = ruta.entities.map { id -> String in
            guard let entity = references.item(.entidades, id: id) else { return id }
            return entity.acronym.map { "\($0) — \(entity.name)" } ?? entity.name
        }
        lines += labeled("Entidad", entities.joined(separator: "; "), width: width)
        lines += labeled("Tema", ruta.themes.map { references.name(.temas, id: $0) }.joined(separator: ", "), width: width)
        if !ruta.requirements.isEmpty {
            lines += heading("Requisitos")
            for requirement in ruta.requirements { lines += bullet(requirement, width: width) }
        }
        if !ruta.legalBasis.isEmpty || ruta.legalBasisUnconfirmed {
            lines += heading("Base legal")
            for law in ruta.legalBasis { lines += bullet(law, width: width) }
            if ruta.legalBasisUnconfirmed { lines += bullet("por confirmar", width: width) }
        }
        lines.append(StyledLine())
        lines += labeled("Fuente", ruta.source, width: width)
        lines += labeled("Actualizada", DisplayDate.text(ruta.updated), width: width)
        return lines
    }

    // MARK: - Parts

    private static func heading(_ text: String) -> [StyledLine] {
        [StyledLine(), StyledLine(text, style: .heading)]
    }

    /// `Label: value`, continued lines indented two columns.
    private static func labeled(_ label: String, _ value: String, width: Int) -> [StyledLine] {
        let head = label + ":"
        return TextFit.wrap(head + " " + value, width: width - 2).enumerated().map { index, text in
            guard index == 0, text.hasPrefix(head) else { return StyledLine("  " + text) }
            return StyledLine([.init(text: head, style: .muted), .init(text: String(text.dropFirst(head.count)), style: .plain)])
        }
    }

    private static func bullet(_ text: String, width: Int) -> [StyledLine] {
        TextFit.wrap(text, width: width - 2).enumerated().map { index, line in
            StyledLine((index == 0 ? "• " : "  ") + line)
        }
    }

    /// The line to read aloud first, in a heavy box right under the title.
    private static func mainLineBox(_ channel: Channel, width: Int) -> [StyledLine] {
        let inner = max(1, width - 4)
        let label = " Línea principal "
        let top = "┏━" + label + String(repeating: "━", count: max(0, width - 3 - DisplayWidth.of(label))) + "┓"
        var lines = [StyledLine(top, style: .frame)]
        lines += mainLineContent(channel, width: inner).map { boxed($0, inner: inner, side: "┃") }
        lines.append(StyledLine("┗" + String(repeating: "━", count: max(0, width - 2)) + "┛", style: .frame))
        return lines
    }

    /// The main line as plain lines under a heading (accessible mode).
    private static func mainLinePlain(_ channel: Channel, width: Int) -> [StyledLine] {
        heading("Línea principal") + mainLineContent(channel, width: width) + [StyledLine()]
    }

    /// What the main line says: kind and name, the value, hours and cut-off date.
    private static func mainLineContent(_ channel: Channel, width: Int) -> [StyledLine] {
        TextFit.wrap(ChannelText.kind(channel.kind) + " · " + channel.name, width: width).map { StyledLine($0, style: .plain) }
            + TextFit.wrap(channel.value, width: width).map { StyledLine($0, style: .channelValue) }
            + ChannelText.details(channel, width: width)
    }

    /// One step as a box; all but the last end in a connector pointing to the next.
    private static func stepBox(_ step: RouteStep, number: Int, isLast: Bool, width: Int) -> [StyledLine] {
        let inner = max(1, width - 4)
        let content = stepContent(step, number: number, width: inner)
        let rule = max(0, width - 2)
        var lines = [StyledLine("┌" + String(repeating: "─", count: rule) + "┐", style: .frame)]
        lines += content.map { boxed($0, inner: inner, side: "│") }
        if isLast {
            lines.append(StyledLine("└" + String(repeating: "─", count: rule) + "┘", style: .frame))
        } else {
            let left = rule / 2
            lines.append(StyledLine("└" + String(repeating: "─", count: left) + "┬"
                                    + String(repeating: "─", count: max(0, rule - left - 1)) + "┘", style: .frame))
            lines.append(StyledLine(String(repeating: " ", count: left + 1) + "▼", style: .frame))
        }
        return lines
    }

    /// A step as numbered lines: «1. title», its detail under it.
    private static func stepContent(_ step: RouteStep, number: Int, width inner: Int) -> [StyledLine] {
        let prefix = "\(number). "
        let textWidth = max(1, inner - prefix.count)
        var content: [StyledLine] = []
        for (index, text) in TextFit.wrap(step.title, width: textWidth).enumerated() {
            content.append(StyledLine([
                .init(text: index == 0 ? prefix : String(repeating: " ", count: prefix.count), style: .stepNumber),
                .init(text: text, style: .plain),
            ]))
        }
        if let detail = step.detail {
            for text in TextFit.wrap(detail, width: textWidth) {
                content.append(StyledLine([
                    .init(text: String(repeating: " ", count: prefix.count), style: .plain),
                    .init(text: text, style: .muted),
                ]))
            }
        }
        return content
    }

    private static func channelBlock(_ channel: Channel, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let name = ChannelText.kind(channel.kind) + " · " + channel.name + (channel.isMain ? " (principal)" : "")
        for (index, text) in TextFit.wrap(name, width: width - 2).enumerated() {
            lines.append(StyledLine((index == 0 ? "• " : "  ") + text))
        }
        lines += TextFit.wrap(channel.value, width: width - 4).map { StyledLine("    " + $0, style: .channelValue) }
        lines += ChannelText.details(channel, width: width - 4).map { StyledLine("    ") + $0 }
        return lines
    }

    // MARK: - Helpers

    /// `line` inside box sides, padded to `inner` columns.
    private static func boxed(_ line: StyledLine, inner: Int, side: String) -> StyledLine {
        let padding = String(repeating: " ", count: max(0, inner - line.width))
        return StyledLine(side + " ", style: .frame) + line + StyledLine(padding + " " + side, style: .frame)
    }
}
