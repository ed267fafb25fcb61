/// A scrolling column of styled lines with a margin of one column on the left and two on the
/// right, whose last column shows a scroll bar when the text is longer than the area. The lines
/// are built for the width of the area (and for accessible mode) when it is laid out, again
/// only when either changes. Help, a route and a novedad are shown in one (`DocumentScreen`).
struct DocumentView {
    private(set) var lines: [StyledLine] = []
    private(set) var offset = 0
    private var height = 1
    /// The text width and plainness the lines were built for; nil before the first layout.
    private var builtFor: (width: Int, plain: Bool)?

    /// The width lines must be built for inside `area`.
    static func textWidth(in area: Rect) -> Int {
        max(1, area.columns - 3)
    }

    /// Lines were built at least once.
    var isBuilt: Bool { builtFor != nil }

    /// Fits the view to `area`: the lines are built again by `build` (for a text width, plain
    /// or not) when the width or `plain` changed, and the offset is kept inside the text.
    mutating func layout(in area: Rect, plain: Bool, build: (_ width: Int, _ plain: Bool) -> [StyledLine]) {
        let width = Self.textWidth(in: area)
        if builtFor?.width != width || builtFor?.plain != plain {
            lines = build(width, plain)
            builtFor = (width, plain)
            clampOffset()
        }
        height = max(1, area.rows)
        clampOffset()
    }

    /// Shows `line` at the top, as far as the text allows.
    mutating func scroll(to line: Int) {
        offset = line
        clampOffset()
    }

    /// Scrolls for the movement actions; false for any other action.
    mutating func handle(_ action: Action) -> Bool {
        switch action {
        case .moveUp: offset -= 1
        case .moveDown: offset += 1
        case .pageUp: offset -= max(1, height - 1)
        case .pageDown: offset += max(1, height - 1)
        case .first: offset = 0
        case .last: offset = lines.count
        default: return false
        }
        clampOffset()
        return true
    }

    /// Draws the lines shown, as `layout` left them.
    func render(into canvas: any Canvas, in area: Rect) {
        let width = Self.textWidth(in: area)
        for row in 0..<area.rows where offset + row < lines.count {
            canvas.line(lines[offset + row], at: Point(x: area.x + 1, y: area.y + row), width: width)
        }
        if !canvas.isPlain { drawScrollBar(on: canvas, in: area) }
    }

    private func drawScrollBar(on canvas: any Canvas, in area: Rect) {
        guard lines.count > area.rows, area.rows > 0, area.columns > 2 else { return }
        let x = area.x + area.columns - 1
        let thumb = max(1, area.rows * area.rows / lines.count)
        let maxOffset = lines.count - area.rows
        let thumbTop = maxOffset == 0 ? 0 : (area.rows - thumb) * offset / maxOffset
        for row in 0..<area.rows {
            let inThumb = row >= thumbTop && row < thumbTop + thumb
            canvas.put(inThumb ? "█" : "│", width: 1, at: Point(x: x, y: area.y + row), style: .frame)
        }
    }

    private mutating func clampOffset() {
        offset = max(0, min(offset, lines.count - height))
    }
}
