/// The command palette (`:` where printable keys are commands, Ctrl-P everywhere): every action
/// of the screen below and the global ones, with their keys. Every printable key is text that
/// narrows the list by name (accents and case ignored); the best match is marked, ↑/↓ move,
/// Enter runs the marked action on the screen below, Esc closes.
final class PaletteScreen: Screen {
    static let prompt = "Acción: "

    private let entries: [PaletteEntry]
    private var shown: [PaletteEntry]
    private var list = FilteredListView(prompt: PaletteScreen.prompt)

    /// The palette of the screen whose keymap is `context`.
    init(for context: KeyContext) {
        entries = PaletteEntry.all(for: context)
        shown = entries
    }

    var context: KeyContext { .palette }

    var cursor: Point? { list.cursor }

    /// The marked action: typing narrows the list, so the best match is what to read.
    var focus: Point? { list.focus(count: shown.count) }

    func handle(_ action: Action) -> ScreenOutcome {
        if let typed = list.field.edit(action) { return .typing(typed, then: filter) }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown: list.rows.move(for: action)
        case .open:
            guard shown.indices.contains(list.rows.selection) else { return .notice(nothingMatches) }
            return .run(shown[list.rows.selection])
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    private var nothingMatches: String { "Ninguna acción coincide con «\(list.field.text)»." }

    /// Narrows the list to what is typed; the best match is marked.
    private func filter() {
        shown = PaletteEntry.matching(list.field.text, in: entries)
        list.restart(count: shown.count)
    }

    func layout(in area: Rect, plain: Bool) {
        list.layout(in: area, count: shown.count)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        let keysWidth = min(24, shown.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let nameWidth = max(1, area.columns - 3 - keysWidth - 2)
        list.render(into: canvas, count: shown.count, empty: nothingMatches) { index, selected, y in
            let name = TextFit.truncate(shown[index].name, to: nameWidth)
            let gap = String(repeating: " ", count: nameWidth - DisplayWidth.of(name) + 2)
            var text = StyledLine((selected ? " ▸ " : "   ") + name + gap, style: selected ? .selected : .plain)
            text.append(shown[index].keys, style: selected ? .selected : .muted)
            canvas.line(text, at: Point(x: area.x, y: y), width: area.columns, fill: selected ? .selected : nil)
        }
    }
}
