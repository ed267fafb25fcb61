/// The command palette (`:` where printable keys are commands, Ctrl-P everywhere): every action
/// of the screen below and the global ones, with their keys. Every printable key is text that
/// narrows the list by name (accents and case ignored); the best match is marked, ↑/↓ move,
/// Enter runs the marked action on the screen below, Esc closes.
final class PaletteScreen: Screen {
    static let prompt = "Acción: "

    private let entries: [PaletteEntry]
    private var field = TextField(limit: 60)
    private var shown: [PaletteEntry]
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    /// The palette of the screen whose keymap is `context`.
    init(for context: KeyContext) {
        entries = PaletteEntry.all(for: context)
        shown = entries
    }

    var context: KeyContext { .palette }

    var cursor: Point? {
        let typed = area.x + 1 + DisplayWidth.of(Self.prompt) + DisplayWidth.of(field.text)
        return Point(x: min(typed, area.x + area.columns - 1), y: area.y)
    }

    /// The marked action: typing narrows the list, so the best match is what to read.
    var focus: Point? {
        guard !shown.isEmpty else { return cursor }
        return Point(x: area.x + 3, y: area.y + 2 + listCursor.selection - listCursor.offset)
    }

    func handle(_ action: Action) -> ScreenOutcome {
        if let typed = field.edit(action) {
            guard typed else { return .ignored }
            filter()
            return .handled
        }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown: listCursor.move(for: action)
        case .open:
            guard shown.indices.contains(listCursor.selection) else { return .notice("Ninguna acción coincide con «\(field.text)».") }
            return .run(shown[listCursor.selection])
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    /// Narrows the list to what is typed; the best match is marked.
    private func filter() {
        shown = PaletteEntry.matching(field.text, in: entries)
        listCursor = ListCursor()
        listCursor.resize(count: shown.count, height: max(1, area.rows - 2))
    }

    func layout(in area: Rect, plain: Bool) {
        self.area = area
        guard area.rows > 2 else { return }
        listCursor.resize(count: shown.count, height: area.rows - 2)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        guard area.rows > 2 else { return }
        canvas.typedPrompt(Self.prompt, field.text, in: area)
        if shown.isEmpty {
            canvas.text("Ninguna acción coincide con «\(field.text)».", at: Point(x: area.x + 1, y: area.y + 2), style: .muted)
            return
        }
        let keysWidth = min(24, shown.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        for row in 0..<(area.rows - 2) {
            let index = listCursor.offset + row
            guard index < shown.count else { break }
            let selected = index == listCursor.selection
            let nameWidth = max(1, area.columns - 3 - keysWidth - 2)
            let name = TextFit.truncate(shown[index].name, to: nameWidth)
            let gap = String(repeating: " ", count: nameWidth - DisplayWidth.of(name) + 2)
            var text = StyledLine((selected ? " ▸ " : "   ") + name + gap, style: selected ? .selected : .plain)
            text.append(shown[index].keys, style: selected ? .selected : .muted)
            canvas.line(text, at: Point(x: area.x, y: area.y + 2 + row), width: area.columns, fill: selected ? .selected : nil)
        }
    }
}
