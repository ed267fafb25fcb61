import TerritorioModel

/// "Mostrar al ciudadano": the route's main line in large print and its address, to turn the
/// screen towards the citizen. The number is also written in normal text, with its cut-off date.
final class CitizenScreen: Screen {
    let ruta: Ruta

    init(ruta: Ruta) {
        self.ruta = ruta
    }

    var context: KeyContext { .citizen }

    func handle(_ action: Action) -> ScreenOutcome {
        action == .back ? .pop : .ignored
    }

    func render(into canvas: any Canvas, in area: Rect) {
        let width = max(1, area.columns - 2)
        // Large print first; then the address; the route's title only when there is room.
        let layouts = [(true, true, true), (true, true, false), (true, false, false),
                       (false, true, true), (false, true, false), (false, false, false)]
        var lines: [StyledLine] = []
        // Accessible mode: never large print, whose block characters a screen reader reads one by one.
        for (largePrint, address, title) in layouts where !(largePrint && canvas.isPlain) {
            lines = content(width: width, largePrint: largePrint, address: address, title: title)
            if lines.count <= area.rows { break }
        }
        let top = area.y + max(0, (area.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where offset < area.rows {
            let x = area.x + 1 + max(0, (width - line.width) / 2)
            canvas.line(line, at: Point(x: x, y: top + offset), width: width)
        }
    }

    private func content(width: Int, largePrint: Bool, address showAddress: Bool, title: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let main = ruta.mainChannel {
            lines += TextFit.wrap(main.name, width: width).map { StyledLine($0, style: .title) }
            lines.append(StyledLine())
            if largePrint, let rows = BigText.rows(main.value, width: width) {
                lines += rows.map { StyledLine($0, style: .channelValue) }
                lines.append(StyledLine())
            }
            lines += TextFit.wrap(main.value, width: width).map { StyledLine($0, style: .channelValue) }
            lines += ChannelText.details(main, width: width)
        } else {
            lines.append(StyledLine("Esta ruta no tiene una línea registrada.", style: .title))
        }
        if showAddress, let address = ruta.channels.first(where: { $0.kind == .presencial }) {
            lines += [StyledLine(), StyledLine("Dirección: " + address.name, style: .heading)]
            lines += TextFit.wrap(address.value, width: width).map { StyledLine($0, style: .channelValue) }
            lines += ChannelText.details(address, width: width)
        }
        if title {
            lines.append(StyledLine())
            lines += TextFit.wrap(ruta.title, width: width).map { StyledLine($0, style: .muted) }
        }
        return lines
    }
}
