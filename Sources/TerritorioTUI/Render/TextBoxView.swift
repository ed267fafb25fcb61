/// Draws a `TextBuffer` wrapped into a box of a form, scrolled so the cursor's row is always
/// in view. The first row shown is kept between layouts, so the text only scrolls when the
/// cursor leaves the box, as in a list.
struct TextBoxView: Equatable, Sendable {
    /// The first wrapped row shown.
    private(set) var scrollRow = 0

    /// Scrolls so that `buffer`'s cursor row is in view in `area`. Returns where the terminal
    /// cursor goes when `focused` (inside `area`), or nil when not focused, nothing can be shown
    /// or the cursor would fall outside `bounds` (the screen's body).
    @discardableResult
    mutating func layout(_ buffer: TextBuffer, in area: Rect, within bounds: Rect, focused: Bool) -> Point? {
        guard area.columns > 0, area.rows > 0 else { return nil }
        let layout = WrappedText(buffer, width: area.columns)
        let cursor = layout.position(of: buffer.cursor)
        if cursor.row < scrollRow { scrollRow = cursor.row }
        if cursor.row >= scrollRow + area.rows { scrollRow = cursor.row - area.rows + 1 }
        // Once the text shrinks, no empty rows are left below it while rows above are hidden.
        scrollRow = max(0, min(scrollRow, layout.lines.count - area.rows))
        guard focused else { return nil }
        let point = Point(x: area.x + cursor.column, y: area.y + cursor.row - scrollRow)
        return bounds.contains(point) ? point : nil
    }

    /// Draws `buffer` into `area` as `layout` scrolled it, every cell in `style`.
    func render(_ buffer: TextBuffer, into canvas: any Canvas, in area: Rect, style: Style) {
        guard area.columns > 0, area.rows > 0 else { return }
        let layout = WrappedText(buffer, width: area.columns)
        for y in 0..<area.rows {
            let row = scrollRow + y
            let text = row < layout.lines.count ? layout.text(ofLine: row) : ""
            canvas.line(StyledLine(text, style: style), at: Point(x: area.x, y: area.y + y), width: area.columns, fill: style)
        }
    }
}
