import Testing
@testable import TerritorioTUI

/// Widths, truncation, wrapping and the cell grid: the pure drawing layer, without a terminal.
@Suite("Render")
struct RenderTests {
    // MARK: - Display width

    @Test("display width comes from wcwidth: wide, accented, combining, emoji", arguments: [
        ("Territorio", 10), ("Jørgen", 6), ("作者", 4), ("日本語 ok", 9), ("jo\u{301}venes", 7),
        ("niños", 5), ("🐕", 2), ("❤️", 2), ("", 0),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("control characters and bidirectional overrides show as one «�», tabs and line breaks as a space")
    func unprintable() {
        #expect(DisplayWidth.cell("\u{7}") == ("\u{FFFD}", 1))
        for bidi in ["\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}"] as [Character] { #expect(DisplayWidth.cell(bidi) == ("\u{FFFD}", 1)) }
        #expect(DisplayWidth.cell("\u{1B}") == ("\u{FFFD}", 1))
        #expect(DisplayWidth.cell("\u{9B}") == ("\u{FFFD}", 1))
        #expect(DisplayWidth.cell("\t") == (" ", 1))
        #expect(DisplayWidth.cell("\n") == (" ", 1))
        #expect(DisplayWidth.cell("\u{200B}").width == 0)
    }

    // MARK: - Truncation and wrapping

    @Test("truncation ends in «…» and never cuts a wide character", arguments: [
        ("violencia", 20, "violencia"), ("violencia", 5, "viol…"), ("作者作者", 5, "作者…"),
        ("作者作者", 4, "作…"), ("作者作者", 8, "作者作者"), ("ab", 1, "…"), ("ab", 0, ""),
    ])
    func truncation(text: String, width: Int, expected: String) {
        let result = TextFit.truncate(text, to: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test("wrapping breaks at spaces, keeps line breaks, splits words longer than a line")
    func wrapping() {
        #expect(TextFit.wrap("Llame al 123 si el agresor está cerca", width: 12) == ["Llame al 123", "si el", "agresor está", "cerca"])
        #expect(TextFit.wrap("uno\ndos", width: 10) == ["uno", "dos"])
        #expect(TextFit.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFit.wrap("作者作者作", width: 4) == ["作者", "作者", "作"])
        for line in TextFit.wrap("作者 日本語 🐕🐕🐕 jo\u{301}venes", width: 5) { #expect(DisplayWidth.of(line) <= 5) }
    }

    // MARK: - Cell grid

    @Test("a wide character takes its cell and a continuation cell")
    func wideCell() {
        let grid = CellGrid(size: Size(columns: 6, rows: 1))
        grid.text("a作b", at: Point(x: 0, y: 0))
        #expect(grid[1, 0].character == "作")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].character == "b")
        #expect(grid.lines == ["a作b"])
    }

    @Test("writing over half of a wide character blanks the other half")
    func overwriteHalf() {
        let grid = CellGrid(size: Size(columns: 4, rows: 1))
        grid.text("作者", at: Point(x: 0, y: 0))
        grid.put("x", width: 1, at: Point(x: 1, y: 0), style: .plain)
        #expect(grid.lines == [" x者"])
        grid.put("y", width: 1, at: Point(x: 2, y: 0), style: .plain)
        #expect(grid.lines == [" xy"])
    }

    @Test("text is clipped to the grid with «…», a wide character never split at the edge")
    func clipping() {
        let grid = CellGrid(size: Size(columns: 5, rows: 2))
        grid.text("abcdefgh", at: Point(x: 0, y: 0))
        grid.text("a作者", at: Point(x: 0, y: 1))
        #expect(grid.lines == ["abcd…", "a作者"])
        let narrow = CellGrid(size: Size(columns: 4, rows: 1))
        narrow.text("a作者", at: Point(x: 0, y: 0))
        #expect(narrow.lines == ["a作…"])
        narrow.put("作", width: 2, at: Point(x: 3, y: 0), style: .plain)
        #expect(!narrow[3, 0].isContinuation)
    }

    @Test("a styled line keeps each span's style and fills the rest of the width")
    func styledLine() {
        let grid = CellGrid(size: Size(columns: 8, rows: 1))
        var line = StyledLine("ab", style: .title)
        line.append("cd", style: .match)
        grid.line(line, at: Point(x: 1, y: 0), fill: .selected)
        #expect(grid[1, 0].style == .title)
        #expect(grid[3, 0].style == .match)
        #expect(grid[7, 0].style == .selected)
        #expect(grid[0, 0].style == .plain)
    }

    @Test("control characters in catalogue text never reach the terminal")
    func hostileText() {
        let grid = CellGrid(size: Size(columns: 20, rows: 1))
        grid.text("a\u{1B}[2Jb\u{7}c\u{0}d", at: Point(x: 0, y: 0))
        #expect(grid.lines == ["a�[2Jb�c�d"])
    }

    // MARK: - Header

    @Test("the header keeps every count when narrow, and names the gestor when known")
    func header() {
        var header = HeaderInfo()
        #expect(header.summary(width: 80) == "Territorio · sin servidor · borradores 0 · en cola 0")
        #expect(header.summary(width: 44) == "Territorio · sin servidor · borr. 0 · cola 0")
        header.gestor = "Ana Pérez"
        header.drafts = 2
        #expect(header.summary(width: 80) == "Territorio · gestor: Ana Pérez · sin servidor · borradores 2 · en cola 0")
    }

    // MARK: - Large print

    @Test("large print draws digits five rows tall and breaks between groups")
    func largePrint() throws {
        let rows = try #require(BigText.rows("123", width: 80))
        #expect(rows == [" █  ███ ███", "██    █   █", " █  ███ ███", " █  █     █", "███ ███ ███"])
        let narrow = try #require(BigText.rows("01 8000 112 137", width: 30))
        #expect(narrow.count == 2 * BigText.height + 1)
        #expect(narrow.allSatisfy { $0.count <= 30 })
        #expect(BigText.rows("línea 123", width: 80) == nil)
        #expect(BigText.rows("12345678901", width: 20) == nil)
    }
}
