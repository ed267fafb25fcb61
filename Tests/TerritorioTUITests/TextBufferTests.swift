import Testing
import TerritorioModel
@testable import TerritorioTUI

/// The multi-line text of a form field: editing, wrapping to a box and drawing it, without a
/// terminal.
@Suite("TextBuffer")
struct TextBufferTests {
    // MARK: - Editing

    @Test("Spanish text typed key by key keeps ñ, tildes, ¿ and ¡ as one character each")
    func spanishText() {
        var buffer = TextBuffer(limit: 100)
        for character in "¿Dónde está el niño?" {
            let inserted = buffer.insert(String(character))
            #expect(inserted)
        }
        #expect(buffer.text == "¿Dónde está el niño?")
        #expect(buffer.characters.count == 20)
        #expect(buffer.cursor == 20)
        buffer.moveToStart()
        buffer.insert("¡Ojo! ")
        #expect(buffer.text == "¡Ojo! ¿Dónde está el niño?")
        #expect(buffer.cursor == 6)
        buffer.deleteForward()
        #expect(buffer.text == "¡Ojo! Dónde está el niño?")
        buffer.moveToEnd()
        buffer.deleteBackward()
        #expect(buffer.text == "¡Ojo! Dónde está el niño")
    }

    @Test("an accent, an emoji sequence or a flag arriving one key at a time joins its character")
    func keysJoinCharacters() {
        var buffer = TextBuffer(limit: 10)
        for part in ["e", "\u{301}", "👩", "\u{200D}", "👩", "\u{200D}", "👧", "🇨", "🇴"] { buffer.insert(part) }
        #expect(buffer.characters == ["e\u{301}", "👩\u{200D}👩\u{200D}👧", "🇨🇴"])
        #expect(buffer.cursor == 3)
        buffer.moveToStart()
        buffer.insert("\u{301}")
        #expect(buffer.characters == ["\u{301}", "e\u{301}", "👩\u{200D}👩\u{200D}👧", "🇨🇴"])
        buffer.moveToStart()
        buffer.insert("a")
        #expect(buffer.characters == ["a\u{301}", "e\u{301}", "👩\u{200D}👩\u{200D}👧", "🇨🇴"])
        #expect(buffer.cursor == 1)
        var deleted = TextBuffer(text: "e\n\u{301}", limit: 10)
        deleted.moveLeft()
        deleted.deleteBackward()
        #expect(deleted.characters == ["e\u{301}"])
        #expect(Array(deleted.text) == deleted.characters)
    }

    @Test("a 20 000-character paste into a 5 000 limit is cut, and a full buffer refuses more")
    func longPaste() {
        var buffer = TextBuffer(limit: 5_000)
        let page = String(repeating: "Violencia intrafamiliar: línea 155.\n", count: 560)
        #expect(page.count > 20_000)
        let pasted = buffer.insert(page)
        #expect(pasted)
        #expect(buffer.characters.count == 5_000)
        #expect(buffer.cursor == 5_000)
        #expect(buffer.text == String(page.prefix(5_000)))
        let atEnd = buffer.insert("x")
        #expect(!atEnd)
        buffer.moveToStart()
        let atStart = buffer.insert("x")
        #expect(!atStart)
        buffer.deleteForward()
        let afterDeleting = buffer.insert("xyz")
        #expect(afterDeleting)
        #expect(buffer.text.hasPrefix("xiolencia"))
        #expect(buffer.characters.count == 5_000)
    }

    @Test("control characters are dropped; \\r\\n and \\r become \\n; tabs stay")
    func controlCharacters() {
        var buffer = TextBuffer(limit: 100)
        buffer.insert("a\u{1B}[2Jb\u{7}c\u{0}d\u{7F}e\u{85}f\u{9B}g\u{0B}h\u{0C}")
        #expect(buffer.text == "a[2Jbcdefgh")
        buffer.replaceAll(with: "uno\r\ndos\rtres\ncuatro\tcinco")
        #expect(buffer.text == "uno\ndos\ntres\ncuatro\tcinco")
        #expect(buffer.cursor == buffer.characters.count)
        let controlsOnly = buffer.insert("\u{1B}\u{7}")
        let empty = buffer.insert("")
        #expect(!controlsOnly && !empty)
    }

    @Test("a one-line field turns line breaks and tabs into spaces")
    func singleLine() {
        var barrio = TextBuffer(text: "San\r\nCristóbal\nSur\tAlto\rx", limit: 40, singleLine: true)
        #expect(barrio.text == "San Cristóbal Sur Alto x")
        barrio.insert("\n")
        #expect(barrio.text == "San Cristóbal Sur Alto x ")
        #expect(TextBuffer(text: "abcdef", limit: 3).text == "abc")
        #expect(TextBuffer(text: "abc", limit: -1).text == "")
    }

    @Test("every edit and move is safe on an empty buffer and at both ends")
    func boundaries() {
        var buffer = TextBuffer(limit: 10)
        buffer.deleteBackward()
        buffer.deleteForward()
        buffer.deleteWordBackward()
        buffer.clearLine()
        buffer.moveLeft()
        buffer.moveRight()
        buffer.moveWordLeft()
        buffer.moveWordRight()
        buffer.moveToLineStart()
        buffer.moveToLineEnd()
        for width in [0, 1, 5] {
            let up = buffer.moveUp(width: width)
            let down = buffer.moveDown(width: width)
            #expect(!up && !down)
            buffer.moveToVisualLineStart(width: width)
            buffer.moveToVisualLineEnd(width: width)
        }
        #expect(buffer == TextBuffer(limit: 10))
        buffer.insert("ab")
        buffer.moveRight()
        buffer.deleteForward()
        #expect(buffer.cursor == 2)
        buffer.moveToStart()
        buffer.moveLeft()
        buffer.deleteBackward()
        #expect(buffer.text == "ab")
        #expect(buffer.cursor == 0)
    }

    // MARK: - Words and lines

    @Test("word moves go by runs of letters and digits, like readline")
    func wordMoves() {
        var buffer = TextBuffer(text: "¿Dónde vive? Calle 45, niño", limit: 100)
        buffer.moveWordLeft()
        #expect(buffer.cursor == 23)
        buffer.moveWordLeft()
        #expect(buffer.cursor == 19)
        buffer.moveWordLeft()
        #expect(buffer.cursor == 13)
        buffer.moveWordLeft()
        buffer.moveWordLeft()
        #expect(buffer.cursor == 1)
        buffer.moveWordLeft()
        #expect(buffer.cursor == 0)
        buffer.moveWordRight()
        #expect(buffer.cursor == 6)
        buffer.moveWordRight()
        #expect(buffer.cursor == 11)
        buffer.moveWordRight()
        buffer.moveWordRight()
        buffer.moveWordRight()
        #expect(buffer.cursor == 27)
        buffer.moveWordRight()
        #expect(buffer.cursor == 27)
    }

    @Test("Ctrl-W deletes back to the previous whitespace; Ctrl-U to the start of the line")
    func deleteWordAndLine() {
        var buffer = TextBuffer(text: "Llamó a la línea 123  ", limit: 100)
        buffer.deleteWordBackward()
        #expect(buffer.text == "Llamó a la línea ")
        buffer.deleteWordBackward()
        #expect(buffer.text == "Llamó a la ")
        buffer.moveWordLeft()
        buffer.deleteWordBackward()
        #expect(buffer.text == "Llamó la ")
        #expect(buffer.cursor == 6)

        var lines = TextBuffer(text: "uno\ndos tres", limit: 100)
        lines.moveWordLeft()
        lines.clearLine()
        #expect(lines.text == "uno\ntres")
        #expect(lines.cursor == 4)
        lines.clearLine()
        #expect(lines.text == "uno\ntres")
        lines.deleteWordBackward()
        #expect(lines.text == "tres")
    }

    @Test("line start and end stop at line breaks")
    func logicalLines() {
        var buffer = TextBuffer(text: "uno\ndos\ntres", limit: 100)
        buffer.moveToLineStart()
        #expect(buffer.cursor == 8)
        buffer.moveLeft()
        buffer.moveToLineStart()
        #expect(buffer.cursor == 4)
        buffer.moveToLineEnd()
        #expect(buffer.cursor == 7)
        buffer.moveToLineEnd()
        #expect(buffer.cursor == 7)
    }

    // MARK: - Wrapping

    /// The rows of `text` at `width`, as shown.
    private func rows(_ text: String, width: Int) -> [String] {
        let layout = WrappedText(Array(text), width: width)
        return layout.lines.indices.map(layout.text(ofLine:))
    }

    @Test("words wrap at spaces, which stay at the end of their row")
    func wrapAtSpaces() {
        #expect(rows("hola mundo", width: 20) == ["hola mundo"])
        #expect(rows("hola mundo", width: 7) == ["hola ", "mundo"])
        #expect(rows("Llame al 123 si el agresor está cerca", width: 12)
            == ["Llame al ", "123 si el ", "agresor ", "está cerca"])
        #expect(rows("uno  dos", width: 4) == ["uno ", " ", "dos"])
    }

    @Test("the end of the text needs a column for the cursor: a full last row wraps")
    func fullRows() {
        // The last word moves down when it ends at the edge, so the cursor after it fits.
        #expect(rows("hola mundo", width: 10) == ["hola ", "mundo"])
        // With nowhere to wrap, the cursor gets an empty row of its own.
        #expect(rows("hola mundo", width: 5) == ["hola ", "mundo", ""])
        #expect(rows("abcdefgh", width: 4) == ["abcd", "efgh", ""])
        #expect(rows("abcde\nf", width: 5) == ["abcde", "", "f"])
    }

    @Test("line breaks end rows; empty lines are rows too")
    func wrapLineBreaks() {
        #expect(rows("uno\n\ndos", width: 10) == ["uno", "", "dos"])
        #expect(rows("uno\n", width: 10) == ["uno", ""])
        #expect(rows("", width: 10) == [""])
        #expect(WrappedText(Array("uno\n\ndos"), width: 10).lines == [0..<4, 4..<5, 5..<8])
    }

    @Test("a wide character never straddles the edge; too wide for the box, it sits alone")
    func wrapWide() {
        #expect(rows("漢字漢字漢", width: 4) == ["漢字", "漢字", "漢"])
        #expect(rows("漢字漢", width: 3) == ["漢", "字", "漢"])
        #expect(rows("a漢b", width: 1) == ["a", "漢", "b", ""])
        #expect(rows("a🐕 niño", width: 4) == ["a🐕 ", "niño", ""])
        #expect(rows("jo\u{301}venes del barrio", width: 8) == ["jo\u{301}venes ", "del ", "barrio"])
        #expect(rows("abc", width: 0) == ["a", "b", "c", ""])
    }

    @Test("every cursor position shows inside the box and maps back to itself", arguments: [1, 2, 3, 5, 8, 13])
    func positions(width: Int) {
        let text = Array("¿Dónde? 漢字 calle 45\n\nniño 🐕🐕 aquí   final largo_sin_espacios_aquí")
        let layout = WrappedText(text, width: width)
        var previous = (row: 0, column: -1)
        for index in 0...text.count {
            let position = layout.position(of: index)
            #expect(position.column >= 0 && position.column < width)
            #expect(position.row > previous.row || (position.row == previous.row && position.column > previous.column))
            #expect(layout.index(row: position.row, column: position.column) == index)
            previous = position
        }
        #expect(layout.position(of: -5) == layout.position(of: 0))
        #expect(layout.position(of: 1_000) == layout.position(of: text.count))
    }

    // MARK: - Moving by rows

    @Test("up and down keep the goal column across a short line; a horizontal move forgets it")
    func goalColumn() {
        var buffer = TextBuffer(text: "abcdefghij\nabc\nabcdefghij", limit: 100)
        buffer.moveToStart()
        for _ in 0..<8 { buffer.moveRight() }
        var moves: [Bool] = []
        moves.append(buffer.moveDown(width: 20))
        #expect(buffer.cursor == 14)
        moves.append(buffer.moveDown(width: 20))
        #expect(buffer.cursor == 23)
        moves.append(buffer.moveDown(width: 20))
        moves.append(buffer.moveUp(width: 20))
        moves.append(buffer.moveUp(width: 20))
        #expect(buffer.cursor == 8)
        moves.append(buffer.moveUp(width: 20))
        #expect(moves == [true, true, false, true, true, false])
        buffer.moveDown(width: 20)
        buffer.moveLeft()
        buffer.moveDown(width: 20)
        #expect(buffer.cursor == 17)
    }

    @Test("up and down go by wrapped rows, and never into the middle of a wide character")
    func wrappedRows() {
        var buffer = TextBuffer(text: "uno dos tres cuatro cinco", limit: 100)
        // Rows at width 10: "uno dos " · "tres " · "cuatro " · "cinco".
        buffer.moveToStart()
        buffer.moveWordRight()
        buffer.moveWordRight()
        #expect(buffer.cursor == 7)
        buffer.moveDown(width: 10)
        #expect(buffer.cursor == 12)
        // Column 7 is past the end of "cuatro ": the last place on that row is before its space.
        buffer.moveDown(width: 10)
        #expect(buffer.cursor == 19)
        buffer.moveDown(width: 10)
        #expect(buffer.cursor == 25)
        buffer.moveUp(width: 10)
        #expect(buffer.cursor == 19)
        buffer.moveUp(width: 10)
        buffer.moveUp(width: 10)
        #expect(buffer.cursor == 7)

        var wide = TextBuffer(text: "abcdefgh\n漢字漢字", limit: 100)
        wide.moveToStart()
        for _ in 0..<3 { wide.moveRight() }
        wide.moveDown(width: 20)
        #expect(wide.cursor == 10)
        wide.moveUp(width: 20)
        #expect(wide.cursor == 3)
    }

    @Test("visual line start and end stay on the cursor's wrapped row")
    func visualLineEnds() {
        var buffer = TextBuffer(text: "uno dos tres cuatro\ncinco", limit: 100)
        buffer.moveToStart()
        buffer.moveDown(width: 10)
        buffer.moveRight()
        buffer.moveToVisualLineEnd(width: 10)
        #expect(buffer.cursor == 12)
        buffer.moveToVisualLineStart(width: 10)
        #expect(buffer.cursor == 8)
        buffer.moveDown(width: 10)
        buffer.moveToVisualLineEnd(width: 10)
        #expect(buffer.cursor == 19)
        buffer.moveToEnd()
        buffer.moveToVisualLineStart(width: 10)
        #expect(buffer.cursor == 20)
        buffer.moveToVisualLineEnd(width: 10)
        #expect(buffer.cursor == 25)
    }

    // MARK: - Drawing

    @Test("the box scrolls to keep the cursor's row in view and returns where the cursor goes")
    func textBox() {
        let grid = CellGrid(size: Size(columns: 10, rows: 4))
        var buffer = TextBuffer(text: "uno dos tres cuatro", limit: 100)
        var view = TextBoxView()
        let area = Rect(x: 1, y: 1, columns: 8, rows: 2)
        let bounds = Rect(x: 0, y: 0, columns: grid.size.columns, rows: grid.size.rows)
        /// Lays the box out and draws it, as a form does; returns the cursor.
        func draw(focused: Bool, in area: Rect = area) -> Point? {
            let cursor = view.layout(buffer, in: area, within: bounds, focused: focused)
            view.render(buffer, into: grid, in: area, style: .input)
            return cursor
        }
        var cursor = draw(focused: true)
        #expect(cursor == Point(x: 7, y: 2))
        #expect(grid.lines == ["", " tres", " cuatro", ""])
        #expect(grid[8, 1].style == .input)
        #expect(grid[0, 1].style == .plain)
        buffer.moveToStart()
        cursor = draw(focused: true)
        #expect(cursor == Point(x: 1, y: 1))
        #expect(grid.lines == ["", " uno dos", " tres", ""])
        buffer.moveDown(width: 8)
        cursor = draw(focused: false)
        #expect(cursor == nil)
        #expect(view.scrollRow == 0)
        buffer.replaceAll(with: "")
        cursor = draw(focused: true)
        #expect(cursor == Point(x: 1, y: 1))
        #expect(grid.lines == ["", "", "", ""])
        cursor = draw(focused: true, in: Rect(x: 0, y: 0, columns: 0, rows: 3))
        #expect(cursor == nil)
    }

    @Test("a wide character in a one-column box is clipped, not split")
    func narrowBox() {
        let grid = CellGrid(size: Size(columns: 3, rows: 3))
        var view = TextBoxView()
        let buffer = TextBuffer(text: "a漢", limit: 10)
        let area = Rect(x: 1, y: 0, columns: 1, rows: 3)
        let cursor = view.layout(buffer, in: area, within: Rect(x: 0, y: 0, columns: 3, rows: 3), focused: true)
        view.render(buffer, into: grid, in: area, style: .input)
        #expect(cursor == Point(x: 1, y: 2))
        #expect(grid.lines == [" a", " …", ""])
    }

    // MARK: - Random edits

    @Test("5 000 random edits and moves keep every invariant, and any box draws the text")
    func randomEdits() {
        let pieces: [String] = [
            "a", "b", "ñ", "é", "Á", "¿", "¡", "1", " ", " ", " ", "\n", "\t", "\r\n", "\u{7}", "\u{1B}",
            "漢", "🐕", "\u{301}", "\u{200D}", "👩", "🇨", "🇴", "e\u{301}", "calle ", "niño ",
        ]
        var random = SeededRandom(seed: 0x7E22_170B)
        var buffer = TextBuffer(limit: 300)
        var view = TextBoxView()
        for step in 0..<5_000 {
            let width = Int.random(in: 1...40, using: &random)
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<6:
                let count = Int.random(in: 1...(step % 250 == 0 ? 400 : 4), using: &random)
                buffer.insert((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
            case 6: buffer.deleteBackward()
            case 7: buffer.deleteForward()
            case 8: buffer.deleteWordBackward()
            case 9: buffer.clearLine()
            case 10: buffer.moveLeft()
            case 11: buffer.moveRight()
            case 12: buffer.moveWordLeft()
            case 13: buffer.moveWordRight()
            case 14: buffer.moveUp(width: width)
            case 15: buffer.moveDown(width: width)
            case 16: buffer.moveToVisualLineStart(width: width)
            case 17: buffer.moveToVisualLineEnd(width: width)
            case 18: Bool.random(using: &random) ? buffer.moveToLineStart() : buffer.moveToLineEnd()
            default: if step % 10 == 0 { buffer.replaceAll(with: String(buffer.text.reversed())) } else { buffer.moveToStart() }
            }
            let characters = buffer.characters
            #expect(buffer.cursor >= 0 && buffer.cursor <= characters.count, "step \(step)")
            #expect(characters.count <= buffer.limit, "step \(step)")
            #expect(Array(buffer.text) == characters, "step \(step)")
            let controls = characters.filter { $0.unicodeScalars.first!.properties.generalCategory == .control }
            #expect(controls.allSatisfy { $0 == "\n" || $0 == "\t" }, "step \(step)")

            let layout = WrappedText(buffer, width: width)
            #expect(layout.lines.map { String(characters[$0]) }.joined() == buffer.text, "step \(step)")
            for row in layout.lines.indices {
                let text = layout.text(ofLine: row)
                #expect(DisplayWidth.of(text) <= width || text.count == 1, "step \(step) row \(row)")
            }
            let position = layout.position(of: buffer.cursor)
            #expect(layout.lines.indices.contains(position.row) && position.column < width, "step \(step)")

            if step % 5 == 0 {
                let size = Size(columns: Int.random(in: 0...12, using: &random), rows: Int.random(in: 0...6, using: &random))
                let grid = CellGrid(size: size)
                let area = Rect(
                    x: Int.random(in: -2...6, using: &random), y: Int.random(in: -2...4, using: &random),
                    columns: Int.random(in: 0...12, using: &random), rows: Int.random(in: 0...5, using: &random)
                )
                let cursor = view.layout(buffer, in: area, within: Rect(x: 0, y: 0, columns: size.columns, rows: size.rows), focused: true)
                view.render(buffer, into: grid, in: area, style: .input)
                if let cursor {
                    #expect(cursor.x >= area.x && cursor.x < area.x + area.columns, "step \(step)")
                    #expect(cursor.y >= area.y && cursor.y < area.maxY, "step \(step)")
                    #expect(cursor.x < grid.size.columns && cursor.y < grid.size.rows, "step \(step)")
                }
            }
        }
    }
}
