import TerritorioModel

/// The catalogue: the list of routes, narrowed as the gestor types (`/`) and by theme, entity
/// and localidad. Only the rows around the visible ones are ever asked for, and asked through a
/// `RouteFeed`, so typing never waits for a search and a list of 100 000 routes scrolls like one
/// of ten.
final class CatalogueScreen: Screen {
    enum Mode: Equatable {
        /// Arrows and letters move and act on the list.
        case list
        /// Printable keys go to the search box.
        case search
    }

    /// Rows above the list: search box, filters, rule.
    private static let topRows = 3
    /// Rows per route: its title and its summary.
    private static let rowsPerItem = 2
    /// Visible pages asked for at once, so scrolling a page asks nothing new.
    private static let pagesPerRequest = 3

    private let feed: any RouteFeed
    private let catalogue: any RouteCatalogue
    /// Read at first use (a filter, a route), not before the first screen.
    private lazy var references: ReferenceLists = loadReferences()
    private let loadReferences: () -> ReferenceLists
    /// Routes in the catalogue; 0 means there is no catalogue to search.
    /// No route at all: the list says how to import a catalogue.
    private let catalogueIsEmpty: Bool
    /// The gestor's novedades and profile (`n`, `p`, `r` in a route); nil when there are none.
    private let desk: NovedadDesk?

    private(set) var mode = Mode.list
    private var field = TextField()
    private var filter = RouteFilter()
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)
    /// While typing a search, the last key moved in the results: accessible mode's cursor is there.
    private var resultsFocused = false

    /// The rows of the current query held now: a window of the results, never all of them.
    private var windowOffset = 0
    private var windowRows: [RouteRow] = []
    private var total: RouteTotal?
    /// The query as searched, when the search replaced a mistyped word.
    private var correctedQuery: String?
    private var failure: String?
    /// Numbers the query (text and filters); answers to an older one are dropped.
    private var generation = 0
    /// The generation whose rows are in the window.
    private var shownGeneration = -1
    private var unsent: RouteRequest?
    private var unanswered: RouteRequest?
    private var jumpToLastWhenCounted = false

    init(feed: any RouteFeed, catalogue: any RouteCatalogue, references: @escaping @autoclosure () -> ReferenceLists,
         catalogueIsEmpty: Bool,
         desk: NovedadDesk? = nil) {
        self.feed = feed
        self.catalogue = catalogue
        loadReferences = references
        self.catalogueIsEmpty = catalogueIsEmpty
        self.desk = desk
        ask(offset: 0, wantsTotal: true)
    }

    var context: KeyContext { mode == .search ? .search : .list }

    var query: RouteQuery { RouteQuery(text: field.text, filter: filter) }

    var isWaiting: Bool { unsent != nil || unanswered != nil }

    var expectsAnswers: Bool { isWaiting || feed.isBusy }

    var cursor: Point? {
        guard mode == .search else { return nil }
        let (label, text) = searchBoxText(width: area.columns)
        return Point(x: area.x + 1 + DisplayWidth.of(label) + DisplayWidth.of(text), y: area.y)
    }

    /// The selected route's title — or, while typing and until ↑/↓ moves in the results, the
    /// end of the search box.
    var focus: Point? {
        guard knownCount > 0, mode == .list || resultsFocused else { return cursor }
        return Point(x: area.x + 3, y: area.y + Self.topRows + (listCursor.selection - listCursor.offset) * Self.rowsPerItem)
    }

    // MARK: - Keys

    func handle(_ action: Action) -> ScreenOutcome {
        if mode == .search || action == .search { resultsFocused = [.moveUp, .moveDown, .pageUp, .pageDown].contains(action) }
        switch action {
        case .search:
            mode = .search
            return .handled
        case .insert(let character):
            guard mode == .search else { return .ignored }
            guard field.insert(character) else {
                return .notice("La búsqueda admite hasta \(field.limit) caracteres; el resto no se escribió.")
            }
            queryChanged()
            return .handled
        case .deleteBackward, .deleteWord, .clearField:
            guard !field.text.isEmpty else { return .ignored }
            switch action {
            case .deleteBackward: field.deleteBackward()
            case .deleteWord: field.deleteWord()
            default: field.clear()
            }
            queryChanged()
            return .handled
        case .back:
            if mode == .search {
                mode = .list
            } else if !field.text.isEmpty {
                field.clear()
                queryChanged()
            } else {
                return .ignored
            }
            return .handled
        case .moveUp, .moveDown, .pageUp, .pageDown: listCursor.move(for: action)
        case .first: listCursor.first()
        case .last:
            if case .exact = total { listCursor.last() } else { askTotalNow() }
        case .open:
            return openSelected()
        case .showNovedades:
            guard let desk else { return .notice("No hay novedades que mostrar.") }
            return .push(NovedadesScreen(desk: desk))
        case .showProfile:
            guard let desk else { return .notice("No hay perfil en esta vista.") }
            return .push(ProfileScreen(desk: desk))
        case .filterTheme:
            return .push(picker(.temas, current: filter.theme) { $0.theme = $1 })
        case .filterEntity:
            return .push(picker(.entidades, current: filter.entity) { $0.entity = $1 })
        case .filterLocalidad:
            return .push(picker(.localidades, current: filter.localidad) { $0.localidad = $1 })
        case .clearFilters:
            guard filter != RouteFilter() else { return .notice("No hay filtros puestos.") }
            filter = RouteFilter()
            queryChanged()
            return .handled
        default:
            return .ignored
        }
        loadVisibleRows()
        return .handled
    }

    // MARK: - Asking and receiving

    func update() -> Bool {
        var changed = false
        sendUnsent()
        for answer in feed.takeAnswers() {
            switch answer {
            case .total: break
            case .page, .failed: if answer.request == unanswered { unanswered = nil }
            }
            guard answer.request.generation == generation else { continue }
            changed = true
            switch answer {
            case .page(let request, let page):
                windowOffset = request.offset
                windowRows = page.rows
                correctedQuery = page.correctedQuery
                shownGeneration = generation
                failure = nil
                if let known = page.total { total = known }
            case .total(_, let counted):
                if case .exact = total {} else { total = counted }
                if jumpToLastWhenCounted {
                    jumpToLastWhenCounted = false
                    listCursor.resize(count: knownCount, height: itemsPerPage)
                    listCursor.last()
                }
            case .failed(_, let message):
                failure = message
                shownGeneration = generation
            }
        }
        if changed {
            listCursor.resize(count: knownCount, height: itemsPerPage)
            loadVisibleRows()
            sendUnsent()
        }
        return changed
    }

    private func sendUnsent() {
        guard let request = unsent else { return }
        feed.submit(request)
        unanswered = request
        unsent = nil
    }

    private func queryChanged() {
        generation += 1
        total = nil
        correctedQuery = nil
        failure = nil
        jumpToLastWhenCounted = false
        listCursor.first()
        ask(offset: 0, wantsTotal: true)
    }

    private func ask(offset: Int, wantsTotal: Bool) {
        let keepsTotal = unsent.map { $0.generation == generation && $0.wantsTotal } ?? false
        unsent = RouteRequest(query: query, offset: offset, limit: itemsPerPage * Self.pagesPerRequest,
                              generation: generation, wantsTotal: wantsTotal || keepsTotal)
    }

    private func askTotalNow() {
        jumpToLastWhenCounted = true
        ask(offset: windowOffset, wantsTotal: true)
    }

    /// Asks for the rows around the visible ones when the window does not hold them.
    private func loadVisibleRows() {
        guard shownGeneration == generation, failure == nil else { return }
        var wanted = listCursor.offset..<(listCursor.offset + itemsPerPage + 1)
        if case .exact(let count) = total { wanted = wanted.clamped(to: 0..<max(count, 0)) }
        let windowEnd = windowOffset + windowRows.count
        guard !wanted.isEmpty, wanted.lowerBound < windowOffset || wanted.upperBound > windowEnd else { return }
        if let unanswered, unanswered.generation == generation, unanswered.offset <= wanted.lowerBound,
           unanswered.offset + unanswered.limit >= wanted.upperBound { return }
        ask(offset: max(0, listCursor.offset - itemsPerPage), wantsTotal: false)
    }

    /// Rows the list can move through: all, once counted; else those known to exist. While a
    /// new query is answered, the previous results stay on screen.
    private var knownCount: Int {
        let windowEnd = windowOffset + windowRows.count
        switch total {
        case .exact(let count): return count
        case .atLeast(let count): return max(count, windowEnd)
        case nil: return windowEnd
        }
    }

    private var itemsPerPage: Int {
        max(1, (area.rows - Self.topRows) / Self.rowsPerItem)
    }

    private func row(at index: Int) -> RouteRow? {
        guard index >= windowOffset, index < windowOffset + windowRows.count else { return nil }
        return windowRows[index - windowOffset]
    }

    // MARK: - Actions

    private func openSelected() -> ScreenOutcome {
        guard let row = row(at: listCursor.selection) else { return .ignored }
        do {
            guard let ruta = try catalogue.routeForReading(id: row.id) else {
                return .notice("La ruta «\(row.id)» ya no está en el catálogo.")
            }
            return .push(RouteDetailScreen(ruta: ruta, references: references, desk: desk))
        } catch {
            return .notice("No se pudo abrir la ruta: " + FailureText.describe(error))
        }
    }

    private func picker(_ kind: ReferenceKind, current: String?,
                        apply: @escaping (inout RouteFilter, String?) -> Void) -> PickerScreen {
        PickerScreen(filter: kind, items: references[kind], current: current) { [weak self] id in
            guard let self else { return }
            var filter = self.filter
            apply(&filter, id)
            guard filter != self.filter else { return }
            self.filter = filter
            self.queryChanged()
        }
    }

    // MARK: - Drawing

    func layout(in area: Rect, plain: Bool) {
        let resized = area.size != self.area.size
        self.area = area
        listCursor.resize(count: knownCount, height: itemsPerPage)
        // A taller window shows rows not asked for yet: ask now (answered before the next frame).
        if resized { loadVisibleRows() }
    }

    func render(into canvas: any Canvas, in area: Rect) {
        guard area.rows > Self.topRows, area.columns > 2 else { return }
        drawSearchBox(on: canvas)
        canvas.line(filterLine(width: area.columns - 2), at: Point(x: area.x + 1, y: area.y + 1), width: area.columns - 2)
        drawRule(on: canvas)
        let list = area.droppingTop(Self.topRows)
        if let message = emptyMessage() {
            for (offset, line) in message.enumerated() where offset < list.rows {
                canvas.line(line, at: Point(x: list.x + 1, y: list.y + 1 + offset), width: list.columns - 2)
            }
            return
        }
        for item in 0..<itemsPerPage {
            let index = listCursor.offset + item
            guard index < knownCount else { break }
            drawItem(index, on: canvas, at: list.y + item * Self.rowsPerItem)
        }
    }

    private func drawSearchBox(on canvas: any Canvas) {
        let count = countText()
        let countWidth = DisplayWidth.of(count)
        let (label, text) = searchBoxText(width: area.columns)
        var line = StyledLine(label, style: mode == .search ? .title : .muted)
        if text.isEmpty, mode == .list {
            line.append("/ para escribir", style: .muted)
        } else {
            line.append(text, style: .input)
        }
        canvas.line(line, at: Point(x: area.x + 1, y: area.y), width: area.columns - countWidth - 3)
        canvas.text(count, at: Point(x: area.x + area.columns - countWidth - 1, y: area.y), style: .muted)
    }

    /// The label and the end of the typed text that fits beside the count.
    private func searchBoxText(width: Int) -> (label: String, text: String) {
        let label = "Buscar: "
        let room = width - DisplayWidth.of(label) - DisplayWidth.of(countText()) - 5
        var text = field.text
        guard DisplayWidth.of(text) > room, room > 1 else { return (label, text) }
        while DisplayWidth.of(text) > room - 1 { text.removeFirst() }
        return (label, String(TextFit.ellipsis) + text)
    }

    private func countText() -> String {
        let searching = query.hasText
        let (singular, plural) = searching ? ("resultado", "resultados") : ("ruta", "rutas")
        if catalogueIsEmpty { return "sin rutas" }
        if failure != nil { return "" }
        guard shownGeneration == generation else { return "buscando…" }
        let position = knownCount > itemsPerPage ? "\(NumberText.grouped(listCursor.selection + 1)) de " : ""
        switch total {
        case .exact(0): return searching ? "sin resultados" : "sin rutas"
        case .exact(let count): return position + NumberText.count(count, singular, plural)
        case .atLeast(let count): return position + "más de " + NumberText.count(count, singular, plural)
        case nil: return position + "más de " + NumberText.count(knownCount, singular, plural)
        }
    }

    /// `Tema: todos · Entidad: todas · Localidad: Kennedy`; when that does not fit, only the
    /// filters in force (or `Filtros: ninguno (t e l)`).
    private func filterLine(width: Int) -> StyledLine {
        let parts: [(label: String, kind: ReferenceKind, id: String?, none: String)] = [
            ("Tema", .temas, filter.theme, "todos"),
            ("Entidad", .entidades, filter.entity, "todas"),
            ("Localidad", .localidades, filter.localidad, "todas"),
        ]
        func line(_ parts: [(label: String, kind: ReferenceKind, id: String?, none: String)]) -> StyledLine {
            var line = StyledLine()
            for part in parts {
                if !line.spans.isEmpty { line.append(" · ", style: .muted) }
                line.append(part.label + ": ", style: .muted)
                if let id = part.id {
                    let item = references.item(part.kind, id: id)
                    line.append(item?.acronym ?? item?.name ?? id, style: .title)
                } else {
                    line.append(part.none, style: .muted)
                }
            }
            return line
        }
        let full = line(parts)
        if full.width <= width { return full }
        let active = parts.filter { $0.id != nil }
        return active.isEmpty ? StyledLine("Filtros: ninguno (t e l)", style: .muted) : line(active)
    }

    private func emptyMessage() -> [StyledLine]? {
        if catalogueIsEmpty {
            return [StyledLine("No hay rutas en el catálogo.", style: .title),
                    StyledLine("Importe uno con «territorio catalogo importar ARCHIVO».", style: .muted)]
        }
        if let failure {
            return [StyledLine("No se pudo buscar.", style: .error), StyledLine(failure, style: .muted)]
        }
        guard shownGeneration == generation, total == .exact(0) else { return nil }
        if query.isWholeCatalogue { return [StyledLine("No hay rutas.", style: .title)] }
        var lines = [StyledLine("Sin resultados para «\(field.text)».", style: .title)]
        lines.append(StyledLine(filter == RouteFilter()
            ? "Pruebe con otra palabra o con menos palabras."
            : "Pruebe con otra palabra, o quite los filtros con x.", style: .muted))
        return lines
    }

    private func drawItem(_ index: Int, on canvas: any Canvas, at y: Int) {
        let selected = index == listCursor.selection
        let width = area.columns
        guard let row = row(at: index) else {
            canvas.line(StyledLine("  …", style: .muted), at: Point(x: area.x, y: y), width: width)
            return
        }
        let matchStyle: Style = selected ? .selectedMatch : .match
        let fill: Style? = selected ? .selected : nil
        let title = StyledLine(selected ? " ▸ " : "   ", style: selected ? .selected : .plain)
            + StyledLine(row.title, style: selected ? .selected : .title, matchStyle: matchStyle)
        canvas.line(title, at: Point(x: area.x, y: y), width: width, fill: fill)
        guard y + 1 < area.maxY else { return }
        let detail = StyledLine("   ", style: selected ? .selected : .plain)
            + StyledLine(row.detail, style: selected ? .selected : .muted, matchStyle: matchStyle)
        canvas.line(detail, at: Point(x: area.x, y: y + 1), width: width, fill: fill)
    }

    /// The rule under the filters; it says so when the search corrected a word.
    private func drawRule(on canvas: any Canvas) {
        let y = area.y + 2
        canvas.text(String(repeating: "─", count: area.columns), at: Point(x: area.x, y: y), style: .frame)
        guard let correctedQuery, shownGeneration == generation, query.hasText else { return }
        canvas.text(" Resultados para «\(correctedQuery)» ", at: Point(x: area.x + 2, y: y), width: area.columns - 4, style: .title)
    }
}
