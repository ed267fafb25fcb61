import TerritorioModel

/// The gestor's novedades in four tabs by state: borradores, en cola (with those being sent),
/// enviadas and rechazadas, each with its count. Enter opens one — a draft in the form editor —
/// and the lifecycle's steps are a key each: n nueva, e encolar, d desencolar, c corregir,
/// b borrar (asked twice: the draft goes to the papelera), u brings the last one back. Esc goes back.
final class NovedadesScreen: Screen {
    enum Tab: Int, CaseIterable {
        case drafts, queued, sent, rejected

        var states: [NovedadState] {
            switch self {
            case .drafts: [.borrador]
            case .queued: [.enCola, .enviando]
            case .sent: [.enviada]
            case .rejected: [.rechazada]
            }
        }

        var title: String {
            switch self {
            case .drafts: "Borradores"
            case .queued: "En cola"
            case .sent: "Enviadas"
            case .rejected: "Rechazadas"
            }
        }

        /// The title when the full ones do not fit side by side.
        var shortTitle: String {
            switch self {
            case .drafts: "Borr."
            case .queued: "Cola"
            case .sent: "Env."
            case .rejected: "Rech."
            }
        }

        /// What an empty tab says, and how to fill it.
        var emptyMessage: [StyledLine] {
            switch self {
            case .drafts:
                [StyledLine("No hay borradores.", style: .title),
                 StyledLine("Pulse n para escribir una novedad nueva.", style: .muted)]
            case .queued:
                [StyledLine("No hay novedades en cola.", style: .title),
                 StyledLine("Un borrador completo se encola con e en Borradores, o con Ctrl-Q al escribirlo.", style: .muted)]
            case .sent:
                [StyledLine("No hay novedades enviadas.", style: .title)]
            case .rejected:
                [StyledLine("No hay novedades rechazadas.", style: .title)]
            }
        }
    }

    /// Rows above the list: the tabs and a rule.
    private static let topRows = 2
    /// Rows per novedad: id and type; localidad and time; what the tab adds.
    private static let rowsPerItem = 3

    private let desk: NovedadDesk
    private var source: any NovedadSource { desk.source }
    private var references: ReferenceLists { desk.references }
    /// The draft `b` was pressed on once: a second `b` deletes it.
    private var pendingDeletion: String?
    /// The draft deleted last here, which `u` brings back from the papelera.
    private var lastDeleted: String?
    private(set) var tab = Tab.drafts
    private var counts: [NovedadState: Int] = [:]
    private var rows: [Novedad] = []
    private var failure: String?
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    init(desk: NovedadDesk) {
        self.desk = desk
        reload()
    }

    func reappeared() {
        reload()
    }

    var context: KeyContext { .novedades }

    var offers: Set<Action> { lastDeleted == nil ? [] : [.undo] }

    /// The selected novedad's first line; with none, the tabs.
    var focus: Point? {
        guard selected != nil else { return Point(x: area.x + 1, y: area.y) }
        return Point(x: area.x + 3, y: area.y + Self.topRows + (listCursor.selection - listCursor.offset) * Self.rowsPerItem)
    }

    // MARK: - Keys

    func handle(_ action: Action) -> ScreenOutcome {
        let deletion = pendingDeletion
        pendingDeletion = nil
        switch action {
        case .back: return .pop
        case .newNovedad: return .push(NovedadFormScreen(desk: desk))
        case .enqueue, .dequeue, .correct, .deleteNovedad:
            return lifecycle(action, confirmedDeletion: deletion)
        case .undo: return undoDeletion()
        case .nextTab: select(Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!)
        case .previousTab: select(Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!)
        case .moveUp, .moveDown, .pageUp, .pageDown: listCursor.move(for: action)
        case .first: listCursor.first()
        case .last: listCursor.last()
        case .open:
            guard let novedad = selected else { return .ignored }
            if novedad.state == .borrador { return .push(NovedadFormScreen(desk: desk, novedad: novedad)) }
            return .push(NovedadDetailScreen(novedad: novedad, references: references))
        default: return .ignored
        }
        return .handled
    }

    private var selected: Novedad? {
        rows.indices.contains(listCursor.selection) ? rows[listCursor.selection] : nil
    }

    /// One step of the lifecycle on the selected novedad, where the tab allows it.
    private func lifecycle(_ action: Action, confirmedDeletion: String?) -> ScreenOutcome {
        guard let novedad = selected else { return .ignored }
        let short = String(novedad.id.prefix(8))
        do {
            switch (action, novedad.state) {
            case (.enqueue, .borrador):
                _ = try source.enqueue(novedad.id)
                reload()
                return .notice("Novedad \(short) en cola: se enviará al sincronizar.")
            case (.dequeue, .enCola):
                _ = try source.dequeue(novedad.id)
                reload()
                return .notice("Novedad \(short) devuelta a Borradores.")
            case (.correct, .rechazada):
                let draft = try source.correct(novedad.id)
                select(.drafts)
                return .push(NovedadFormScreen(desk: desk, novedad: draft))
            case (.deleteNovedad, .borrador):
                guard confirmedDeletion == novedad.id else {
                    pendingDeletion = novedad.id
                    return .notice("¿Borrar el borrador \(short)? Pulse b otra vez para borrarlo; otra tecla lo conserva.")
                }
                try source.delete(novedad.id)
                lastDeleted = novedad.id
                reload()
                return .notice("Borrador \(short) llevado a la papelera. Pulse u para traerlo de vuelta.")
            default:
                return .notice(Self.unavailable(action))
            }
        } catch NovedadError.incomplete(let problems) {
            return .notice("Aún no se puede encolar: " + problems.map(\.message).joined(separator: "; ") + ". Enter para completarla.")
        } catch {
            return .notice(FailureText.describe(error))
        }
    }

    /// Brings the draft deleted last back from the papelera and selects it.
    private func undoDeletion() -> ScreenOutcome {
        guard let id = lastDeleted else {
            return .notice("No hay un borrado que deshacer. Los borradores borrados se ven con «territorio novedades --papelera».")
        }
        do {
            _ = try source.restore(id)
        } catch {
            return .notice("No se pudo traer de vuelta el borrador: " + FailureText.describe(error))
        }
        lastDeleted = nil
        select(.drafts)
        if let index = rows.firstIndex(where: { $0.id == id }) { listCursor.move(by: index) }
        return .notice("Borrador \(id.prefix(8)) restaurado.")
    }

    /// Why a lifecycle key does nothing on this tab.
    private static func unavailable(_ action: Action) -> String {
        switch action {
        case .enqueue: "Solo se encolan borradores (pestaña Borradores)."
        case .dequeue: "Solo se desencolan novedades en cola que aún no se intentó enviar."
        case .correct: "Solo se corrigen novedades rechazadas (pestaña Rechazadas)."
        default: "Solo se borran borradores; lo que está en cola puede estar ya en camino."
        }
    }

    private func select(_ tab: Tab) {
        self.tab = tab
        listCursor = ListCursor()
        reload()
    }

    /// Reads the counts and the current tab's novedades again.
    private func reload() {
        do {
            counts = try source.counts()
            rows = try source.novedades(in: tab.states)
            failure = nil
        } catch {
            rows = []
            failure = FailureText.describe(error)
        }
        listCursor.resize(count: rows.count, height: itemsPerPage)
    }

    private var itemsPerPage: Int {
        max(1, (area.rows - Self.topRows) / Self.rowsPerItem)
    }

    private func count(of tab: Tab) -> Int {
        tab.states.reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    // MARK: - Drawing

    func layout(in area: Rect, plain: Bool) {
        self.area = area
        listCursor.resize(count: rows.count, height: itemsPerPage)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        guard area.rows > Self.topRows, area.columns > 2 else { return }
        canvas.line(tabLine(width: area.columns - 2), at: Point(x: area.x + 1, y: area.y), width: area.columns - 2)
        canvas.text(String(repeating: "─", count: area.columns), at: Point(x: area.x, y: area.y + 1), style: .frame)
        let list = area.droppingTop(Self.topRows)
        var message: [StyledLine]?
        if let failure {
            message = [StyledLine("No se pudieron leer las novedades.", style: .error), StyledLine(failure, style: .muted)]
        } else if rows.isEmpty {
            message = tab.emptyMessage
        }
        if let message {
            var y = list.y + 1
            for line in message {
                for text in TextFit.wrap(line.text, width: max(1, list.columns - 2)) where y < list.maxY {
                    canvas.line(StyledLine(text, style: line.spans.first?.style ?? .plain), at: Point(x: list.x + 1, y: y),
                                width: list.columns - 2)
                    y += 1
                }
            }
            return
        }
        for item in 0..<itemsPerPage {
            let index = listCursor.offset + item
            guard index < rows.count else { break }
            drawItem(index, on: canvas, in: list, at: list.y + item * Self.rowsPerItem)
        }
    }

    /// `Borradores (2)  En cola (1)  …`, the current tab marked; shorter forms when narrow.
    private func tabLine(width: Int) -> StyledLine {
        let forms: [(title: (Tab) -> String, separator: String)] = [
            ({ "\($0.title) (\(NumberText.grouped(self.count(of: $0))))" }, "  "),
            ({ "\($0.title) \(NumberText.grouped(self.count(of: $0)))" }, " "),
            ({ "\($0.shortTitle) \(NumberText.grouped(self.count(of: $0)))" }, " "),
        ]
        var line = StyledLine()
        for form in forms {
            line = StyledLine()
            for tab in Tab.allCases {
                if !line.spans.isEmpty { line.append(form.separator, style: .muted) }
                let selected = tab == self.tab
                line.append(selected ? "[" + form.title(tab) + "]" : " " + form.title(tab) + " ",
                            style: selected ? .selected : .muted)
            }
            if line.width <= width { return line }
        }
        return line
    }

    private func drawItem(_ index: Int, on canvas: any Canvas, in list: Rect, at y: Int) {
        let novedad = rows[index]
        let selected = index == listCursor.selection
        let fill: Style? = selected ? .selected : nil
        let type = novedad.type.map { references.name(.tipos, id: $0) } ?? "(sin tipo)"
        let title = StyledLine(selected ? " ▸ " : "   ", style: selected ? .selected : .plain)
            + StyledLine(String(novedad.id.prefix(8)) + "  ", style: selected ? .selected : .muted)
            + StyledLine(type, style: selected ? .selected : .title)
        canvas.line(title, at: Point(x: list.x, y: y), width: list.columns, fill: fill)
        var place = [novedad.localidad.map { references.name(.localidades, id: $0) } ?? "(sin localidad)",
                      BogotaTime.display(novedad.createdAt)]
        if novedad.state == .enviando { place.append("enviando ahora") }
        // While background sync sends it, its progress takes the place of the tab's details.
        let lines = [place.joined(separator: " · "), desk.sending(novedad.id).map { "enviando " + $0 } ?? extra(for: novedad)]
        for (offset, text) in lines.enumerated() where y + 1 + offset < list.maxY {
            let line = StyledLine("   ", style: selected ? .selected : .plain)
                + StyledLine(text, style: selected ? .selected : .muted)
            canvas.line(line, at: Point(x: list.x, y: y + 1 + offset), width: list.columns, fill: fill)
        }
    }

    /// What the current tab adds about a novedad: retries, the radicado, the reason.
    private func extra(for novedad: Novedad) -> String {
        let outbox = novedad.outbox
        switch tab {
        case .drafts:
            let description = novedad.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return description.isEmpty ? "(sin descripción)" : description
        case .queued:
            var parts = ["Intentos: \(outbox.attempts)"]
            let photoBytes = novedad.attachments.reduce(0) { $0 + $1.bytes }
            if photoBytes > 0 { parts.append("fotos por enviar: " + ByteCount.text(photoBytes)) }
            if let error = outbox.lastError { parts.append("último error: " + error) }
            parts.append("próximo intento: " + (outbox.nextAttempt.map(BogotaTime.display) ?? "cuando haya conexión"))
            return parts.joined(separator: " · ")
        case .sent:
            return "Radicado: " + (outbox.radicado ?? "—") + " · estado remoto: " + (outbox.remoteStatus ?? "sin noticias")
        case .rejected:
            return "c corrige · Motivo: " + (outbox.rejectionReason ?? "(sin motivo)")
        }
    }
}
