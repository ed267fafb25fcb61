/// A prompt with what is typed, over a list that the typing narrows — the command palette and
/// the pick-lists: the marked row and the scrolling (`rows`), and where the cursor goes. The
/// screen that owns it holds the items, narrows them and draws each row.
struct FilteredListView {
    let prompt: String
    var field = TextField(limit: 60)
    var rows = ListCursor()
    private(set) var area = Rect(x: 0, y: 0, columns: 80, rows: 21)

    init(prompt: String) {
        self.prompt = prompt
    }

    /// The end of the typed text.
    var cursor: Point {
        let typed = area.x + 1 + DisplayWidth.of(prompt) + DisplayWidth.of(field.text)
        return Point(x: min(typed, area.x + area.columns - 1), y: area.y)
    }

    /// The marked row; the end of the typed text when the list is empty (`count` 0).
    func focus(count: Int) -> Point {
        guard count > 0 else { return cursor }
        return Point(x: area.x + 3, y: area.y + 2 + rows.selection - rows.offset)
    }

    /// Rows of the list on screen, under the prompt and its rule.
    private var height: Int { area.rows - 2 }

    /// Fits the list of `count` rows to `area`.
    mutating func layout(in area: Rect, count: Int) {
        self.area = area
        guard area.rows > 2 else { return }
        rows.resize(count: count, height: height)
    }

    /// A new list of `count` rows, the first one marked.
    mutating func restart(count: Int) {
        rows = ListCursor()
        rows.resize(count: count, height: max(1, height))
    }

    /// Draws the prompt and the rows on screen — `row(index, selected, y)` draws one — or
    /// `empty` when there is none.
    func render(into canvas: any Canvas, count: Int, empty: String, row: (_ index: Int, _ selected: Bool, _ y: Int) -> Void) {
        guard area.rows > 2 else { return }
        canvas.typedPrompt(prompt, field.text, in: area)
        if count == 0 {
            canvas.text(empty, at: Point(x: area.x + 1, y: area.y + 2), style: .muted)
            return
        }
        for line in 0..<height {
            let index = rows.offset + line
            guard index < count else { break }
            row(index, index == rows.selection, area.y + 2 + line)
        }
    }
}
