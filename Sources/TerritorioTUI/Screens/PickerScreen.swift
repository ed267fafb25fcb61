import TerritorioModel

/// Choosing a theme, entity or localidad for the catalogue's filter: the reference list,
/// narrowed as the gestor types (ignoring case and accents), "todos" first to remove the filter.
final class PickerScreen: Screen {
    private struct Option {
        let id: String?
        let label: String
        let folded: String
    }

    private let kind: ReferenceKind
    private let current: String?
    private let choose: (String?) -> Void
    private let options: [Option]
    private var field = TextField(limit: 60)
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    /// - Parameter choose: called with the chosen id, or nil for "todos".
    init(kind: ReferenceKind, items: [ReferenceItem], current: String?, choose: @escaping (String?) -> Void) {
        self.kind = kind
        self.current = current
        self.choose = choose
        let all = Option(id: nil, label: Self.allLabel(kind), folded: "")
        options = [all] + items.map { item in
            Option(id: item.id, label: item.label, folded: TextFolding.fold(item.label + " " + item.id))
        }
    }

    var context: KeyContext { .picker }

    var cursor: Point? {
        Point(x: area.x + 1 + DisplayWidth.of(prompt) + DisplayWidth.of(field.text), y: area.y)
    }

    private var prompt: String { "Filtrar por \(kind.singular): " }

    private var visible: [Option] {
        let typed = TextFolding.fold(field.text)
        guard !typed.isEmpty else { return options }
        return options.filter { $0.id != nil && $0.folded.contains(typed) }
    }

    func handle(_ action: Action) -> ScreenOutcome {
        switch action {
        case .insert(let character):
            guard field.insert(character) else { return .ignored }
            listCursor.first()
        case .deleteBackward: field.deleteBackward()
        case .deleteWord: field.deleteWord()
        case .clearField: field.clear()
        case .moveUp: listCursor.move(by: -1)
        case .moveDown: listCursor.move(by: 1)
        case .pageUp: listCursor.pageUp()
        case .pageDown: listCursor.pageDown()
        case .open:
            let shown = visible
            guard listCursor.selection < shown.count else { return .ignored }
            choose(shown[listCursor.selection].id)
            return .pop
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    func render(into canvas: any Canvas, in area: Rect) {
        self.area = area
        guard area.rows > 2 else { return }
        let shown = visible
        listCursor.resize(count: shown.count, height: area.rows - 2)
        var line = StyledLine(prompt, style: .title)
        line.append(field.text, style: .input)
        canvas.line(line, at: Point(x: area.x + 1, y: area.y), width: area.columns - 2)
        canvas.text(String(repeating: "─", count: area.columns), at: Point(x: area.x, y: area.y + 1), style: .frame)
        if shown.isEmpty {
            canvas.text("Nada coincide con «\(field.text)».", at: Point(x: area.x + 1, y: area.y + 2), style: .muted)
            return
        }
        for row in 0..<(area.rows - 2) {
            let index = listCursor.offset + row
            guard index < shown.count else { break }
            let selected = index == listCursor.selection
            let mark = shown[index].id == current ? "● " : "  "
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
