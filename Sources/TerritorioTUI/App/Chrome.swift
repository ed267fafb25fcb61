import TerritorioModel

/// The frame around every screen: the header (and the sample-data warning), a message when there
/// is one, the footer with the current screen's keys, and the "ventana demasiado pequeña" screen.
struct Chrome {
    /// Below this the interface shows "ventana demasiado pequeña" instead of drawing: the
    /// sample-data warning must fit whole on one line.
    static let minimum = Size(columns: 44, rows: 12)

    var header: HeaderInfo

    static func isTooSmall(_ size: Size) -> Bool {
        size.columns < minimum.columns || size.rows < minimum.rows
    }

    /// Rows a status message may take in accessible mode.
    static let maximumStatusRows = 3

    /// The area left for the screen's body; the status message's rows are above the footer.
    func body(in size: Size, statusRows: Int) -> Rect {
        let top = header.isSample ? 2 : 1
        let bottom = 1 + statusRows
        return Rect(x: 0, y: top, columns: size.columns, rows: max(0, size.rows - top - bottom))
    }

    /// The rows of `status` above the footer: one, cut with "…" when longer — in accessible mode
    /// (`plain`) the whole sentence on lines of its own, up to `maximumStatusRows`, since a
    /// screen reader cannot read what was cut.
    static func statusRows(_ status: String?, width: Int, plain: Bool) -> [String] {
        guard let status else { return [] }
        guard plain else { return [status] }
        let rows = TextFit.wrap(status, width: width - 1)
        guard rows.count > maximumStatusRows else { return rows }
        return Array(rows.prefix(maximumStatusRows - 1)) + [rows.dropFirst(maximumStatusRows - 1).joined(separator: " ")]
    }

    /// Draws the header, the footer with the keys of `context` (those `offered` first), and
    /// the status message's rows (`statusRows`) above the footer.
    func draw(on canvas: any Canvas, context: KeyContext, offered: Set<Action> = [], status: [String]) {
        let size = canvas.size
        canvas.line(StyledLine(" " + header.summary(width: size.columns - 2), style: .header), at: Point(x: 0, y: 0), fill: .header)
        if header.isSample {
            canvas.line(StyledLine(" " + CatalogueInfo.sampleWarning, style: .warning), at: Point(x: 0, y: 1), fill: .warning)
        }
        for (offset, row) in status.enumerated() {
            canvas.line(StyledLine(" " + row, style: .status), at: Point(x: 0, y: size.rows - 1 - status.count + offset), fill: .status)
        }
        canvas.line(Self.footer(for: context, offered: offered, width: size.columns), at: Point(x: 0, y: size.rows - 1), fill: .footer)
    }

    /// The hints of `context` that fit `width`, whole, in table order: `/ buscar  Enter abrir
    /// … ? ayuda  q salir`. Help and quit are kept first when not all fit.
    static func footer(for context: KeyContext, offered: Set<Action> = [], width: Int) -> StyledLine {
        let hints = ActionSpec.hints(for: context, offered: offered)
        let widths = hints.map { DisplayWidth.of($0.keys) + 1 + DisplayWidth.of($0.name) + 2 }
        var room = width - 1
        var shown = Array(repeating: false, count: hints.count)
        for essentialFirst in [true, false] {
            for index in hints.indices where hints[index].essential == essentialFirst && widths[index] - 2 <= room {
                shown[index] = true
                room -= widths[index]
            }
        }
        var line = StyledLine(" ", style: .footer)
        for index in hints.indices where shown[index] {
            if line.spans.count > 1 { line.append("  ", style: .footer) }
            line.append(hints[index].keys, style: .footerKey)
            line.append(" " + hints[index].name, style: .footer)
        }
        return line
    }

    /// What is drawn instead of any screen below `minimum`.
    static func drawTooSmall(on canvas: any Canvas) {
        let size = canvas.size
        let lines = [
            StyledLine("Ventana demasiado pequeña", style: .title),
            StyledLine("Se necesitan \(minimum); hay \(size).", style: .plain),
            StyledLine("Agrande la ventana, o q para salir.", style: .muted),
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            let x = TextFit.centerOffset(line.text, width: size.columns)
            canvas.line(line, at: Point(x: x, y: top + offset))
        }
    }
}
