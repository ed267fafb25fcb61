/// Where views draw: the real terminal (`CursesCanvas`) or an in-memory `CellGrid` in tests.
/// Views only ever call the helpers of the extension below, so both draw the same cells.
protocol Canvas: AnyObject {
    var size: Size { get }
    /// Accessible mode (`--accesible`): screens lay out plain lines — no boxes, scroll bars or
    /// large print — and any box-drawing or block character left is drawn as a space, since a
    /// screen reader reads each one aloud.
    var isPlain: Bool { get set }
    /// Every cell blank, in the plain style.
    func clear()
    /// One character already made printable (see `DisplayWidth.cell`), 1 or 2 columns wide, at
    /// `point`. Callers never put a wide character in the last column.
    func put(_ character: Character, width: Int, at point: Point, style: Style)
}

extension Canvas {
    /// Draws `text` on one row from `point`, clipped with "…" to `width` columns (default: to
    /// the right edge). Returns the columns used.
    @discardableResult
    func text(_ text: String, at point: Point, width: Int? = nil, style: Style = .plain) -> Int {
        line(StyledLine(text, style: style), at: point, width: width)
    }

    /// Draws `line` from `point`, clipped with "…" to `width` columns (default: to the right
    /// edge); with `fill`, the rest of the width is painted in that style. Returns the columns
    /// used by the text.
    @discardableResult
    func line(_ line: StyledLine, at point: Point, width: Int? = nil, fill: Style? = nil) -> Int {
        guard point.y >= 0, point.y < size.rows, point.x >= 0, point.x < size.columns else { return 0 }
        let available = min(width ?? size.columns - point.x, size.columns - point.x)
        guard available > 0 else { return 0 }
        let truncating = line.width > available
        let limit = truncating ? available - 1 : available
        var used = 0
        var lastStyle = line.spans.first?.style ?? .plain
        var full = false
        for span in line.spans where !full {
            lastStyle = span.style
            DisplayWidth.forEachCell(of: span.text) { cell, columns in
                if columns == 0 { return true }
                if used + columns > limit {
                    full = true
                    return false
                }
                let shown = columns == 1 && cell.isASCII ? cell : isPlain && Self.isDrawing(cell) ? " " : cell
                put(shown, width: columns, at: Point(x: point.x + used, y: point.y), style: span.style)
                used += columns
                return true
            }
        }
        if truncating {
            put(TextFit.ellipsis, width: 1, at: Point(x: point.x + used, y: point.y), style: lastStyle)
            used += 1
        }
        if let fill {
            for x in used..<available { put(" ", width: 1, at: Point(x: point.x + x, y: point.y), style: fill) }
        }
        return used
    }

    /// The head of a list narrowed by typing (pick-lists, the palette): `prompt` and what is
    /// typed on the first row of `area`, a rule under them.
    func typedPrompt(_ prompt: String, _ typed: String, in area: Rect) {
        var line = StyledLine(prompt, style: .title)
        line.append(typed, style: .input)
        self.line(line, at: Point(x: area.x + 1, y: area.y), width: area.columns - 2)
        text(String(repeating: "─", count: area.columns), at: Point(x: area.x, y: area.y + 1), style: .frame)
    }

    /// Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F).
    static func isDrawing(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0x2500...0x259F).contains($0.value) } ?? false
    }

    /// Paints `rect` with spaces in `style`.
    func fill(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(size.rows, rect.maxY) {
            for x in max(0, rect.x)..<min(size.columns, rect.x + rect.columns) {
                put(" ", width: 1, at: Point(x: x, y: y), style: style)
            }
        }
    }
}
