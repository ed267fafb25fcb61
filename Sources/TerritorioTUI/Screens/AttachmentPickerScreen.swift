import TerritorioModel

/// Choosing a photo to attach: a path entry ("Ruta: ~/Fotos/") over the listing of the folder
/// it names — folders, then photos with size and dimensions. Typing narrows the listing to the
/// names that start with the last part of the path, Tab completes it, Enter goes into a folder
/// or chooses a photo, F4 shows the marked photo with `chafa` when it is installed.
final class AttachmentPickerScreen: Screen {
    private static let prompt = "Ruta: "
    /// Columns of a photo's size (`999,9 KB`) and dimensions (`12000×12000`).
    private static let sizeColumns = 8
    private static let dimensionColumns = 11
    /// Below this many columns for the name, the dimensions are left out.
    private static let minimumNameColumns = 24
    /// Rows that are not the listing: the entry, the rule and the summary.
    private static let fixedRows = 3

    private let environment: [String: String]
    private let choose: (String) -> String?
    private var entry: PathEntry
    private var listing: FolderListing
    private var rows = FolderListing.Rows()
    private var showHidden = false
    private var listCursor = ListCursor()
    private var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    /// - Parameters:
    ///   - folder: where the listing starts (absolute, or "~/…"), also the base of relative paths.
    ///   - environment: `HOME` (written "~") and `PATH` (to find `chafa`).
    ///   - choose: called with the absolute path of the chosen photo; nil when it was attached
    ///     (the picker closes), or why not, in Spanish (the picker stays and shows it).
    init(folder: String, environment: [String: String], choose: @escaping (String) -> String?) {
        self.environment = environment
        self.choose = choose
        entry = PathEntry(folder: folder, home: environment["HOME"])
        listing = FolderListing(path: entry.folder)
        refresh()
    }

    var context: KeyContext { .files }

    var cursor: Point? {
        let x = area.x + 1 + DisplayWidth.of(Self.prompt) + DisplayWidth.of(shownPath)
        return Point(x: min(x, area.x + area.columns - 1), y: area.y)
    }

    /// The entry's text, its start cut with "…" when it does not fit.
    private var shownPath: String {
        TextFit.truncateStart(entry.text, to: max(1, area.columns - 2 - DisplayWidth.of(Self.prompt)))
    }

    // MARK: - Keys

    func handle(_ action: Action) -> ScreenOutcome {
        if let typed = entry.edit(action) { return .typing(typed) { refresh() } }
        switch action {
        case .complete:
            guard let completion = rows.completion(of: entry.name) else { return .ignored }
            entry.complete(name: completion)
            refresh()
        case .moveUp, .moveDown, .pageUp, .pageDown: listCursor.move(for: action)
        case .toggleHidden:
            showHidden.toggle()
            refresh(selecting: selected?.name)
            return .notice(showHidden ? "Se muestran los archivos ocultos." : "Los archivos ocultos no se muestran.")
        case .open:
            return open()
        case .preview:
            return preview()
        case .back:
            return .pop
        default:
            return .ignored
        }
        return .handled
    }

    private var selected: FolderListing.Entry? {
        listCursor.selection < rows.entries.count ? rows.entries[listCursor.selection] : nil
    }

    /// Enter: the entry the typed name names exactly, else the marked row.
    private func open() -> ScreenOutcome {
        let typed = entry.name
        let named = typed.isEmpty ? nil
            : rows.entries.first { $0.name == typed } ?? rows.entries.first { TextFolding.fold($0.name) == TextFolding.fold(typed) }
        guard let target = named ?? selected else { return .ignored }
        switch target.kind {
        case .parent:
            let left = listing.path
            entry.show(folder: PathEntry.normalized(left + "/.."))
            refresh(selecting: String(left.split(separator: "/").last ?? ""))
        case .folder:
            entry.show(folder: listing.path(of: target.name))
            refresh()
        case .photo:
            guard let refusal = choose(listing.path(of: target.name)) else { return .pop }
            return .notice(refusal)
        }
        return .handled
    }

    /// F4: the marked photo drawn in the terminal by `chafa`, or how to get it.
    private func preview() -> ScreenOutcome {
        guard let target = selected, case .photo = target.kind else { return .notice("Marque una foto para verla.") }
        guard ExternalProgram.isInstalled("chafa", environment: environment) else {
            return .notice("Para ver la foto aquí instale chafa (sudo apt install chafa).")
        }
        let size = "--size=\(max(1, area.columns))x\(max(1, area.rows))"
        return .runProgram(ExternalProgram(arguments: ["chafa", size, listing.path(of: target.name)], environment: environment,
                                           waitsForEnter: true) { status in
            switch status {
            case 0: .handled
            case nil: .notice("No se pudo iniciar chafa.")
            default: .notice("El programa chafa no pudo mostrar esta foto.")
            }
        })
    }

    /// Reads the folder the entry names when it changed, lists what matches the typed name, and
    /// marks `name` when given, else the first folder or photo.
    private func refresh(selecting name: String? = nil) {
        if entry.folder != listing.path { listing = FolderListing(path: entry.folder) }
        rows = listing.rows(matching: entry.name, showHidden: showHidden)
        let marked = name.flatMap { name in rows.entries.firstIndex { $0.name == name } }
            ?? rows.entries.firstIndex { $0.kind != .parent } ?? 0
        listCursor = ListCursor()
        listCursor.resize(count: rows.entries.count, height: listHeight)
        listCursor.select(marked)
    }

    /// The listing's rows: less one for the note on names not examined, when there is one.
    private var listHeight: Int {
        max(1, area.rows - Self.fixedRows - (rows.unexamined > 0 ? 1 : 0))
    }

    // MARK: - Drawing

    func layout(in area: Rect, plain: Bool) {
        self.area = area
        listCursor.resize(count: rows.entries.count, height: listHeight)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        guard area.rows > Self.fixedRows, area.columns > 2 else { return }
        var line = StyledLine(Self.prompt, style: .title)
        line.append(shownPath, style: .input)
        canvas.line(line, at: Point(x: area.x + 1, y: area.y), width: area.columns - 2)
        canvas.text(String(repeating: "─", count: area.columns), at: Point(x: area.x, y: area.y + 1), style: .frame)
        if let failure = listing.failure {
            let lines = [StyledLine("No se puede abrir " + PathEntry.abbreviated(listing.path, home: entry.home), style: .error),
                         StyledLine(failure, style: .muted)]
            drawMessage(lines, on: canvas)
            return
        }
        if rows.entries.allSatisfy({ $0.kind == .parent }) {
            let message = entry.name.isEmpty ? "Aquí no hay carpetas ni fotos."
                : "Ninguna carpeta ni foto empieza por «\(entry.name)»."
            drawMessage([StyledLine(message, style: .muted)], on: canvas, below: rows.entries.count)
        }
        for row in 0..<listHeight {
            let index = listCursor.offset + row
            guard index < rows.entries.count else { break }
            drawRow(rows.entries[index], selected: index == listCursor.selection, on: canvas, y: area.y + 2 + row)
        }
        if rows.unexamined > 0 {
            let note = NumberText.count(rows.unexamined, "nombre más", "nombres más")
                + " sin revisar: escriba el comienzo del nombre."
            canvas.text(note, at: Point(x: area.x + 1, y: area.maxY - 2), width: area.columns - 2, style: .muted)
        }
        canvas.text(summary(width: area.columns - 2), at: Point(x: area.x + 1, y: area.maxY - 1), width: area.columns - 2,
                    style: .muted)
    }

    /// `   IMG_0001.jpg          1,2 MB    4032×3024`: the name cut to fit, the size and the
    /// dimensions right-aligned; the dimensions are left out when the name would get too narrow.
    private func drawRow(_ row: FolderListing.Entry, selected: Bool, on canvas: any Canvas, y: Int) {
        var name = row.name
        var nameStyle = Style.plain
        var details = ""
        switch row.kind {
        case .parent:
            name = "../"
            nameStyle = .muted
        case .folder:
            name += "/"
            nameStyle = .heading
        case .photo(let bytes, let info):
            details = Self.rightAligned(ByteCount.text(bytes), Self.sizeColumns)
            let withDimensions = details + "  " + Self.rightAligned("\(info.width)×\(info.height)", Self.dimensionColumns)
            if area.columns - 5 - DisplayWidth.of(withDimensions) >= Self.minimumNameColumns { details = withDimensions }
        }
        // The marker, the name, a space, the details and a space: the whole width.
        let nameWidth = area.columns - 4 - (details.isEmpty ? 0 : DisplayWidth.of(details) + 1)
        let fitted = TextFit.truncate(name, to: nameWidth)
        let style: (Style) -> Style = { selected ? .selected : $0 }
        var line = StyledLine(selected ? " ▸ " : "   ", style: style(.plain))
        line.append(fitted, style: style(nameStyle))
        if !details.isEmpty {
            line.append(String(repeating: " ", count: nameWidth - DisplayWidth.of(fitted) + 1), style: style(.plain))
            line.append(details, style: style(.muted))
        }
        canvas.line(line, at: Point(x: area.x, y: y), width: area.columns, fill: selected ? .selected : nil)
    }

    /// `text` with spaces before it to fill `width` columns.
    private static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    /// Lines of text under the rule (after `skipping` rows of the listing), wrapped.
    private func drawMessage(_ lines: [StyledLine], on canvas: any Canvas, below skipping: Int = 0) {
        var y = area.y + 2 + skipping
        for line in lines {
            for text in TextFit.wrap(line.text, width: area.columns - 2) where y < area.maxY - 1 {
                canvas.line(StyledLine(text, style: line.spans.first?.style ?? .plain), at: Point(x: area.x + 1, y: y),
                            width: area.columns - 2)
                y += 1
            }
        }
    }

    /// `3 fotos · 1 carpeta · 2 archivos que no son fotos · 1 oculto`; shorter words when that
    /// does not fit `width`.
    private func summary(width: Int) -> String {
        let photos = rows.entries.filter { if case .photo = $0.kind { true } else { false } }.count
        let folders = rows.entries.filter { $0.kind == .folder }.count
        let forms: [(folders: (String, String), others: (String, String))] = [
            (("carpeta", "carpetas"), ("archivo que no es foto", "archivos que no son fotos")),
            (("carpeta", "carpetas"), ("no foto", "no fotos")),
            (("carp.", "carp."), ("no foto", "no fotos")),
        ]
        var text = ""
        for form in forms {
            var parts = [NumberText.count(photos, "foto", "fotos")]
            if folders > 0 { parts.append(NumberText.count(folders, form.folders.0, form.folders.1)) }
            if rows.notPhotos > 0 { parts.append(NumberText.count(rows.notPhotos, form.others.0, form.others.1)) }
            if rows.hidden > 0 { parts.append(NumberText.count(rows.hidden, "oculto", "ocultos")) }
            text = parts.joined(separator: " · ")
            if DisplayWidth.of(text) <= width { break }
        }
        return text
    }
}
