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

    private let multiple: Bool
    private var chosen: Set<String>
    private let choose: (String?) -> Void
    private let options: [Option]
    private var list: FilteredListView

    /// - Parameters:
    ///   - allLabel: the first option, chosen as nil ("Todos los temas"); none when nil.
    ///   - current: the ids chosen now, marked ●.
    ///   - typed: what the gestor already typed (the key that opened the list).
    ///   - multiple: Enter marks or unmarks and the list stays; Esc ends.
    ///   - choose: called with the chosen id (nil for `allLabel`); with `multiple`, once per mark or unmark.
    init(prompt: String, items: [ReferenceItem], allLabel: String? = nil, current: [String], typed: String = "",
         multiple: Bool = false, choose: @escaping (String?) -> Void) {
        list = FilteredListView(prompt: prompt)
        self.multiple = multiple
        chosen = Set(current)
        self.choose = choose
        let all = allLabel.map { [Option(id: nil, label: $0, folded: "")] } ?? []
        options = all + items.map { item in
            Option(id: item.id, label: item.label, folded: TextFolding.fold(item.label + " " + item.id))
        }
        for character in typed { list.field.insert(character) }
    }

    /// The catalogue's filter by `kind`, "todos" first.
    convenience init(filter kind: ReferenceKind, items: [ReferenceItem], current: String?, choose: @escaping (String?) -> Void) {
        self.init(prompt: "Filtrar por \(kind.singular): ", items: items, allLabel: Self.allLabel(kind),
                  current: current.map { [$0] } ?? [], choose: choose)
    }

    var context: KeyContext { .picker }

    var cursor: Point? { list.cursor }

    /// The marked value.
    var focus: Point? { list.focus(count: visible.count) }

    private var visible: [Option] {
        let typed = TextFolding.fold(list.field.text)
        guard !typed.isEmpty else { return options }
        return options.filter { $0.id != nil && $0.folded.contains(typed) }
    }

    func handle(_ action: Action) -> ScreenOutcome {
        if let typed = list.field.edit(action) {
            // A letter more narrows the list: the mark goes back to its first row.
            return .typing(typed) { if case .insert = action { list.rows.first() } }
        }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown: list.rows.move(for: action)
        case .open:
            let shown = visible
            guard list.rows.selection < shown.count else { return .ignored }
            let id = shown[list.rows.selection].id
            choose(id)
            guard multiple, let id else { return .pop }
            if chosen.remove(id) == nil { chosen.insert(id) }
            list.field.clear()
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    func layout(in area: Rect, plain: Bool) {
        list.layout(in: area, count: visible.count)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        let shown = visible
        list.render(into: canvas, count: shown.count, empty: "Nada coincide con «\(list.field.text)».") { index, selected, y in
            let isChosen = shown[index].id.map(chosen.contains) ?? chosen.isEmpty
            let mark = isChosen ? "● " : "  "
            canvas.line(StyledLine((selected ? " ▸ " : "   ") + mark + shown[index].label, style: selected ? .selected : .plain),
                        at: Point(x: area.x, y: y), width: area.columns, fill: selected ? .selected : nil)
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
