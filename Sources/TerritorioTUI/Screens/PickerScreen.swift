import TerritorioModel

/// Choosing values of a reference list — a theme, entity or localidad for the catalogue's
/// filter, a novedad's type or population groups — narrowed as the gestor types (ignoring case
/// and accents). A filter offers "todos" first to remove it; a list of several values marks and
/// unmarks with Enter and ends with Esc.
final class PickerScreen: Screen {
    private struct Option {
        let id: String?
        let label: String
        let folded: String
    }

    private let prompt: String
    private let multiple: Bool
    private var chosen: Set<String>
    private let choose: (String?) -> Void
    private let options: [Option]
    private var field = TextField(limit: 60)
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    /// - Parameters:
    ///   - allLabel: the first option, chosen as nil ("Todos los temas"); none when nil.
    ///   - current: the ids chosen now, marked ●.
    ///   - typed: what the gestor already typed (the key that opened the list).
    ///   - multiple: Enter marks or unmarks and the list stays; Esc ends.
    ///   - choose: called with the chosen id (nil for `allLabel`); with `multiple`, once per mark or unmark.
    init(prompt: String, items: [ReferenceItem], allLabel: String? = nil, current: [String], typed: String = "",
         multiple: Bool = false, choose: @escaping (String?) -> Void) {
        self.prompt = prompt
        self.multiple = multiple
        chosen = Set(current)
        self.choose = choose
        let all = allLabel.map { [Option(id: nil, label: $0, folded: "")] } ?? []
        options = all + items.map { item in
            Option(id: item.id, label: item.label, folded: TextFolding.fold(item.label + " " + item.id))
        }
        for character in typed { field.insert(character) }
    }

    /// The catalogue's filter by `kind`, "todos" first.
    convenience init(filter kind: ReferenceKind, items: [ReferenceItem], current: String?, choose: @escaping (String?) -> Void) {
        self.init(prompt: "Filtrar por \(kind.singular): ", items: items, allLabel: Self.allLabel(kind),
                  current: current.map { [$0] } ?? [], choose: choose)
    }

    var context: KeyContext { .picker }

    var cursor: Point? {
        let typed = area.x + 1 + DisplayWidth.of(prompt) + DisplayWidth.of(field.text)
        return Point(x: min(typed, area.x + area.columns - 1), y: area.y)
    }

    /// The marked value.
    var focus: Point? {
        guard !visible.isEmpty else { return cursor }
        return Point(x: area.x + 3, y: area.y + 2 + listCursor.selection - listCursor.offset)
    }

    private var visible: [Option] {
        let typed = TextFolding.fold(field.text)
        guard !typed.isEmpty else { return options }
        return options.filter { $0.id != nil && $0.folded.contains(typed) }
    }

    func handle(_ action: Action) -> ScreenOutcome {
        if let typed = field.edit(action) {
            guard typed else { return .ignored }
            if case .insert = action { listCursor.first() }
            return .handled
        }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown: listCursor.move(for: action)
        case .open:
            let shown = visible
            guard listCursor.selection < shown.count else { return .ignored }
            let id = shown[listCursor.selection].id
            choose(id)
            guard multiple, let id else { return .pop }
            if chosen.remove(id) == nil { chosen.insert(id) }
            field.clear()
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    func layout(in area: Rect, plain: Bool) {
        self.area = area
        guard area.rows > 2 else { return }
        listCursor.resize(count: visible.count, height: area.rows - 2)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        guard area.rows > 2 else { return }
        let shown = visible
        canvas.typedPrompt(prompt, field.text, in: area)
        if shown.isEmpty {
            canvas.text("Nada coincide con «\(field.text)».", at: Point(x: area.x + 1, y: area.y + 2), style: .muted)
            return
        }
        for row in 0..<(area.rows - 2) {
            let index = listCursor.offset + row
            guard index < shown.count else { break }
            let selected = index == listCursor.selection
            let isChosen = shown[index].id.map(chosen.contains) ?? chosen.isEmpty
            let mark = isChosen ? "● " : "  "
            canvas.line(StyledLine((selected ? " ▸ " : "   ") + mark + shown[index].label, style: selected ? .selected : .plain),
                        at: Point(x: area.x, y: area.y + 2 + row), width: area.columns, fill: selected ? .selected : nil)
        }
    }

    private static func allLabel(_ kind: ReferenceKind) -> String {
        switch kind {
        case .temas: "Todos los temas"
        case .entidades: "Todas las entidades"
        case .localidades: "Todas las localidades"
        default: "Todos"
        }
    }
}
