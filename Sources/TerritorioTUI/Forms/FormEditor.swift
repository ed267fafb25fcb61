import TerritorioModel

/// The fields of a form on screen: which one has the focus, what is typed in each, the problems
/// shown next to their fields, and the drawing of it all, scrolled so the focus stays visible.
/// The screens that own one (`NovedadFormScreen`, `ProfileScreen`) decide what saving means.
final class FormEditor {
    /// What an action asks of the screen that owns the form.
    enum Request: Equatable {
        /// The action means nothing here.
        case nothing
        /// The focus or a cursor moved: draw again.
        case moved
        /// A value changed: draw again and save soon.
        case edited
        /// Open the pick-list of `field`, with `typed` already typed in it.
        case choose(FormField, typed: String)
        case addPhoto
        /// Remove the photo at this index of `photos`.
        case removePhoto(Int)
        /// Edit `field` in the gestor's `$EDITOR`.
        case externalEditor(FormField)
    }

    /// Rows a multi-line field takes at least and at most, when the screen has them.
    static let textRows = 3...10
    /// Where the secret's characters are shown as this.
    static let mask: Character = "•"

    let fields: [FormField]
    var values: FormValues
    /// The novedad's photos, listed in the `.photos` field.
    var photos: [AttachmentRecord] = []
    /// Problems shown under their field, by field id.
    var problems: [String: String] = [:]
    /// Problems of no field in the form (the profile, consent), shown under the title.
    var generalProblems: [String] = []
    private(set) var focus = 0
    private(set) var photoSelection = 0
    private let references: ReferenceLists
    private var boxes: [String: TextBoxView] = [:]
    /// The width each text field was last drawn at: vertical moves follow the wrapped lines.
    private var textWidths: [String: Int] = [:]
    private var textHeights: [String: Int] = [:]
    private var scroll = 0
    /// The blocks on screen and their rows, as the last `layout` placed them.
    private var placed: [(block: Block, rect: Rect)] = []
    /// Where the terminal cursor goes, as the last `layout` found it.
    private(set) var cursor: Point?

    init(fields: [FormField], values: FormValues, references: ReferenceLists) {
        self.fields = fields
        self.values = values
        self.references = references
    }

    var focusedField: FormField { fields[focus] }

    /// Moves the focus to the field `id` (the first problem, say).
    func focus(on id: String) {
        if let index = fields.firstIndex(where: { $0.id == id }) { focus = index }
    }

    // MARK: - Keys

    func handle(_ action: Action) -> Request {
        let field = focusedField
        switch action {
        case .nextField: return moveFocus(by: 1, wrapping: true)
        case .previousField: return moveFocus(by: -1, wrapping: true)
        case .insert(let character):
            switch field.kind {
            case .line, .text, .secret: return edit { $0.insert(String(character)) }
            case .choice, .choices: return .choose(field, typed: String(character))
            case .mark: return character == " " ? toggleMark() : .nothing
            case .photos: return .nothing
            }
        case .open:
            switch field.kind {
            case .text: return edit { $0.insert("\n") }
            case .line, .secret: return moveFocus(by: 1, wrapping: false)
            case .choice, .choices: return .choose(field, typed: "")
            case .mark: return toggleMark()
            case .photos: return .addPhoto
            }
        case .toggleMark: return toggleMark()
        case .moveUp: return moveVertically(-1)
        case .moveDown: return moveVertically(1)
        case .pageUp, .pageDown:
            guard case .text = field.kind else { return .nothing }
            let rows = max(1, (textHeights[field.id] ?? 1) - 1)
            return move { buffer, width in
                for _ in 0..<rows { _ = action == .pageUp ? buffer.moveUp(width: width) : buffer.moveDown(width: width) }
            }
        case .cursorLeft: return move { buffer, _ in buffer.moveLeft() }
        case .cursorRight: return move { buffer, _ in buffer.moveRight() }
        case .wordLeft: return move { buffer, _ in buffer.moveWordLeft() }
        case .wordRight: return move { buffer, _ in buffer.moveWordRight() }
        case .first: return move { buffer, width in buffer.moveToVisualLineStart(width: width) }
        case .last: return move { buffer, width in buffer.moveToVisualLineEnd(width: width) }
        case .deleteBackward, .deleteForward:
            switch field.kind {
            case .line, .text, .secret:
                return edit { action == .deleteBackward ? $0.deleteBackward() : $0.deleteForward() }
            case .choice:
                guard values.choices.removeValue(forKey: field.id) != nil else { return .nothing }
                return .edited
            case .choices:
                guard values.multipleChoices[field.id]?.isEmpty == false else { return .nothing }
                values.multipleChoices[field.id] = []
                return .edited
            case .photos:
                return photos.isEmpty ? .nothing : .removePhoto(min(photoSelection, photos.count - 1))
            case .mark:
                return .nothing
            }
        case .deleteWord: return edit { $0.deleteWordBackward() }
        case .clearField: return edit { $0.clearLine() }
        case .externalEditor:
            guard let index = fields.firstIndex(where: { if case .text = $0.kind { true } else { false } }) else { return .nothing }
            focus = index
            return .externalEditor(fields[index])
        default:
            return .nothing
        }
    }

    /// Turns the focused mark on or off; nothing when the focus is not on a mark.
    private func toggleMark() -> Request {
        let field = focusedField
        guard case .mark = field.kind else { return .nothing }
        values.marks[field.id] = !values.mark(field.id)
        return .edited
    }

    /// Applies `change` to the focused field's text; `.edited` when the text changed.
    private func edit(_ change: (inout TextBuffer) -> Void) -> Request {
        let field = focusedField
        guard field.isText, var buffer = values.texts[field.id] else { return .nothing }
        let before = buffer
        change(&buffer)
        values.texts[field.id] = buffer
        if buffer.text != before.text { return .edited }
        return buffer == before ? .nothing : .moved
    }

    /// Moves the focused field's cursor; the width is the one it was last drawn at.
    private func move(_ change: (inout TextBuffer, Int) -> Void) -> Request {
        let field = focusedField
        guard field.isText, var buffer = values.texts[field.id] else { return .nothing }
        let before = buffer
        change(&buffer, textWidths[field.id] ?? 1)
        values.texts[field.id] = buffer
        return buffer == before ? .nothing : .moved
    }

    private func moveFocus(by delta: Int, wrapping: Bool) -> Request {
        var next = focus + delta
        if wrapping {
            next = (next + fields.count) % fields.count
        } else if !fields.indices.contains(next) {
            return .nothing
        }
        focus = next
        photoSelection = delta > 0 ? 0 : max(0, photos.count - 1)
        return .moved
    }

    /// ↑ and ↓: a row inside a description or the photo list, else the next field.
    private func moveVertically(_ delta: Int) -> Request {
        let field = focusedField
        switch field.kind {
        case .text:
            if var buffer = values.texts[field.id] {
                let width = textWidths[field.id] ?? 1
                if delta < 0 ? buffer.moveUp(width: width) : buffer.moveDown(width: width) {
                    values.texts[field.id] = buffer
                    return .moved
                }
            }
        case .photos:
            let next = photoSelection + delta
            if photos.indices.contains(next) {
                photoSelection = next
                return .moved
            }
        default:
            break
        }
        return moveFocus(by: delta, wrapping: false)
    }

    // MARK: - Drawing

    /// One block of rows of the form, drawn when any of its rows is on screen.
    private struct Block {
        let rows: Int
        let field: Int?
        /// Fits the block to the rows of it on screen (a text box's size and scroll); returns
        /// where the cursor goes in it.
        var place: (Rect) -> Point? = { _ in nil }
        /// Draws the block into the rows of it on screen, as `place` left it.
        let draw: (any Canvas, Rect) -> Void
    }

    /// Lays the form out in `area` under `title`: what each field takes, the scroll that keeps
    /// the focus visible, the text boxes' widths (vertical moves follow the wrapped lines) and
    /// where the cursor goes (`cursor`).
    func layout(in area: Rect, title: StyledLine) {
        placed = []
        cursor = nil
        guard area.rows > 0, area.columns > 8 else { return }
        let labelWidth = min(15, max(8, area.columns / 5))
        let valueColumn = 3 + labelWidth + 1

        var fixed: [Block] = [Block(rows: 1, field: nil) { canvas, rect in
            canvas.line(title, at: Point(x: rect.x + 1, y: rect.y), width: rect.columns - 2)
        }]
        for message in generalProblems {
            fixed += problemBlocks(message, in: area, indent: 1)
        }
        fixed.append(Block(rows: 1, field: nil) { canvas, rect in
            canvas.text(String(repeating: "─", count: rect.columns), at: Point(x: rect.x, y: rect.y), style: .frame)
        })

        var blocks: [Block] = []
        for (index, field) in fields.enumerated() {
            blocks += fieldBlocks(index, field, in: area, valueColumn: valueColumn, labelWidth: labelWidth, textRows: 0)
        }
        // What is left of the screen goes to the description, within `textRows`.
        let used = (fixed + blocks).reduce(0) { $0 + $1.rows }
        let textRows = min(Self.textRows.upperBound, max(Self.textRows.lowerBound, area.rows - used))
        blocks = []
        for (index, field) in fields.enumerated() {
            blocks += fieldBlocks(index, field, in: area, valueColumn: valueColumn, labelWidth: labelWidth, textRows: textRows)
        }
        let all = fixed + blocks
        keepFocusVisible(all, height: area.rows)

        var y = -scroll
        for block in all {
            defer { y += block.rows }
            let top = max(y, 0)
            let bottom = min(y + block.rows, area.rows)
            guard bottom > top else { continue }
            // A block cut at the top keeps its last rows: a text box scrolls to its cursor.
            let rect = Rect(x: area.x, y: area.y + top, columns: area.columns, rows: bottom - top)
            if let point = block.place(rect), block.field == focus { cursor = point }
            placed.append((block, rect))
        }
    }

    /// Draws the form as `layout` left it.
    func render(into canvas: any Canvas) {
        for (block, rect) in placed { block.draw(canvas, rect) }
    }

    /// Scrolls as little as needed to show the focused field's rows whole (its start first
    /// when it is taller than the screen).
    private func keepFocusVisible(_ blocks: [Block], height: Int) {
        var start = 0
        var end = 0
        var y = 0
        for block in blocks {
            if block.field == focus {
                if end == 0 { start = y }
                end = y + block.rows
            }
            y += block.rows
        }
        if focus == 0 { start = 0 }
        if end - scroll > height { scroll = end - height }
        if start < scroll { scroll = start }
        scroll = max(0, min(scroll, max(0, y - height)))
    }

    private func problemBlocks(_ message: String, in area: Rect, indent: Int, field: Int? = nil) -> [Block] {
        let lines = TextFit.wrap("⚠ " + message, width: max(1, area.columns - indent - 1))
        return [Block(rows: lines.count, field: field) { canvas, rect in
            for (offset, line) in lines.suffix(rect.rows).enumerated() {
                canvas.text(line, at: Point(x: rect.x + indent, y: rect.y + offset), width: rect.columns - indent, style: .error)
            }
        }]
    }

    private func fieldBlocks(_ index: Int, _ field: FormField, in area: Rect, valueColumn: Int, labelWidth: Int,
                             textRows: Int) -> [Block] {
        let focused = index == focus
        let label = StyledLine(focused ? " ▸ " : "   ", style: focused ? .selected : .plain)
            + StyledLine(TextFit.truncate(field.label, to: labelWidth), style: focused ? .selected : .muted)
        let valueWidth = max(1, area.columns - valueColumn - 1)
        var blocks: [Block] = []
        switch field.kind {
        case .line, .secret:
            let box = { (rect: Rect) in Rect(x: rect.x + valueColumn, y: rect.y, columns: valueWidth, rows: 1) }
            blocks.append(Block(rows: 1, field: index, place: { [self] rect in
                textWidths[field.id] = valueWidth
                return placeText(field, in: box(rect), within: area, focused: focused)
            }) { [self] canvas, rect in
                canvas.line(label, at: Point(x: rect.x, y: rect.y), width: valueColumn)
                drawText(field, in: box(rect), canvas: canvas)
            })
        case .text(let limit):
            let count = values.text(field.id).count
            let counter = count == 0 ? "" : "  \(NumberText.grouped(count)) de \(NumberText.grouped(limit))"
            blocks.append(Block(rows: 1, field: index) { canvas, rect in
                canvas.line(label + StyledLine(counter, style: .muted), at: Point(x: rect.x, y: rect.y), width: rect.columns)
            })
            let box = { (rect: Rect) in Rect(x: rect.x + 3, y: rect.y, columns: max(1, rect.columns - 4), rows: rect.rows) }
            blocks.append(Block(rows: max(1, textRows), field: index, place: { [self] rect in
                textWidths[field.id] = box(rect).columns
                textHeights[field.id] = box(rect).rows
                return placeText(field, in: box(rect), within: area, focused: focused)
            }) { [self] canvas, rect in
                canvas.fill(box(rect), style: .input)
                drawText(field, in: box(rect), canvas: canvas)
            })
        case .choice(let kind):
            let id = values.choice(field.id)
            let text = id.isEmpty ? nil : references.name(kind, id: id)
            blocks.append(valueBlock(index, label: label, text: text, focused: focused, valueColumn: valueColumn))
        case .choices(let kind):
            let names = (values.multipleChoices[field.id] ?? []).map { references.name(kind, id: $0) }
            blocks.append(valueBlock(index, label: label, text: names.isEmpty ? nil : names.joined(separator: ", "),
                                     focused: focused, valueColumn: valueColumn))
        case .mark:
            let on = values.mark(field.id)
            let hint = focused ? "  Espacio " + (on ? "la quita" : "la pone") : ""
            blocks.append(Block(rows: 1, field: index, place: { rect in
                focused ? Point(x: rect.x + valueColumn + 1, y: rect.y) : nil
            }) { canvas, rect in
                canvas.line(label, at: Point(x: rect.x, y: rect.y), width: valueColumn)
                canvas.line(StyledLine(on ? "[x] sí" : "[ ] no", style: .plain) + StyledLine(hint, style: .muted),
                            at: Point(x: rect.x + valueColumn, y: rect.y), width: valueWidth)
            })
        case .photos:
            let hint = focused ? (photos.isEmpty ? "Enter adjuntar una foto" : "Enter adjuntar otra · Supr quitar la marcada") : ""
            let heading = photos.isEmpty ? "ninguna" : "\(photos.count)"
            blocks.append(Block(rows: 1, field: index, place: { rect in
                focused ? Point(x: rect.x + valueColumn, y: rect.y) : nil
            }) { canvas, rect in
                canvas.line(label, at: Point(x: rect.x, y: rect.y), width: valueColumn)
                canvas.line(StyledLine(heading + "  ", style: .plain) + StyledLine(hint, style: .muted),
                            at: Point(x: rect.x + valueColumn, y: rect.y), width: valueWidth)
            })
            for (number, photo) in photos.enumerated() {
                let selected = focused && number == photoSelection
                blocks.append(Block(rows: 1, field: index, place: { rect in
                    selected ? Point(x: rect.x + valueColumn, y: rect.y) : nil
                }) { canvas, rect in
                    let line = StyledLine(selected ? " ▸ " : "   ", style: selected ? .selected : .plain)
                        + StyledLine(Self.describe(photo), style: selected ? .selected : .plain)
                    canvas.line(line, at: Point(x: rect.x + valueColumn - 3, y: rect.y), width: rect.columns - valueColumn + 2,
                                fill: selected ? .selected : nil)
                })
            }
        }
        if let problem = problems[field.id] {
            blocks += problemBlocks(problem, in: area, indent: valueColumn, field: index)
        }
        return blocks
    }

    /// A chosen value, or what to do when there is none.
    private func valueBlock(_ index: Int, label: StyledLine, text: String?, focused: Bool, valueColumn: Int) -> Block {
        Block(rows: 1, field: index, place: { rect in
            focused ? Point(x: rect.x + valueColumn, y: rect.y) : nil
        }) { canvas, rect in
            canvas.line(label, at: Point(x: rect.x, y: rect.y), width: valueColumn)
            let value = text.map { StyledLine($0, style: .plain) }
                ?? StyledLine(focused ? "escriba parte del nombre, o Enter para ver la lista" : "—", style: .muted)
            canvas.line(value, at: Point(x: rect.x + valueColumn, y: rect.y), width: max(1, rect.columns - valueColumn - 1))
        }
    }

    /// Scrolls a text field's box to its cursor; returns where the cursor goes when `focused`.
    private func placeText(_ field: FormField, in box: Rect, within area: Rect, focused: Bool) -> Point? {
        guard let buffer = values.texts[field.id] else { return nil }
        if case .secret = field.kind {
            return focused ? Point(x: box.x + min(buffer.text.count, box.columns - 1), y: box.y) : nil
        }
        var view = boxes[field.id] ?? TextBoxView()
        let point = view.layout(buffer, in: box, within: area, focused: focused)
        boxes[field.id] = view
        return point
    }

    private func drawText(_ field: FormField, in box: Rect, canvas: any Canvas) {
        guard let buffer = values.texts[field.id] else { return }
        if case .secret = field.kind {
            canvas.text(String(repeating: Self.mask, count: buffer.text.count), at: Point(x: box.x, y: box.y), width: box.columns,
                        style: .input)
            return
        }
        (boxes[field.id] ?? TextBoxView()).render(buffer, into: canvas, in: box, style: .input)
    }

    /// A photo as the list shows it: name, size, dimensions, and what happened to its location.
    static func describe(_ photo: AttachmentRecord) -> String {
        let location = photo.locationRemoved ? "ubicación quitada" : photo.keptLocation ? "ubicación conservada" : "sin ubicación"
        return [photo.name, ByteCount.text(photo.bytes), "\(photo.width)×\(photo.height)", location].joined(separator: " · ")
    }
}
