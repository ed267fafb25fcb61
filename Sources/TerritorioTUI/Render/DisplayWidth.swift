import TerritorioModel

/// How many columns text takes in the terminal, from the C library's `wcwidth` (through
/// `ScalarWidth`), so the grid and the real screen always agree. Characters the terminal
/// cannot show as they are — control characters, bidirectional overrides, unassigned code
/// points — are drawn as "�", and tabs and line breaks as a space, so no text from the
/// catalogue or a server can move the cursor or reorder a line.
enum DisplayWidth {
    static let replacement: Character = "\u{FFFD}"

    /// The character a cell shows for `character`, and its width: 0 (draws nothing), 1 or 2.
    static func cell(_ character: Character) -> (shown: Character, width: Int) {
        if let ascii = character.asciiValue {
            if (0x20...0x7E).contains(ascii) { return (character, 1) }
            return ascii == 0x09 || ascii == 0x0A || ascii == 0x0D ? (" ", 1) : (replacement, 1)
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return (replacement, 1) }
        if character.isNewline { return (" ", 1) }
        if first.properties.generalCategory == .control || TerminalText.isControl(first) { return (replacement, 1) }
        let width = ScalarWidth.of(first)
        if width < 0 { return (replacement, 1) }
        if width == 0 { return (character, 0) }
        // An emoji presentation selector makes a narrow symbol wide ("❤️").
        if width == 1, scalars.contains("\u{FE0F}") { return (character, 2) }
        return (character, min(width, 2))
    }

    static func of(_ character: Character) -> Int {
        cell(character).width
    }

    static func of(_ text: String) -> Int {
        var total = 0
        forEachCell(of: text) { _, width in
            total += width
            return true
        }
        return total
    }

    /// Calls `body` with each character of `text` as a cell shows it (see `cell`) and its width,
    /// in order, until `body` returns false. A character followed by an ASCII byte (or the end)
    /// is a character by itself unless it is a "prepend" one (all at U+0600 or above, outside
    /// U+2000–U+2BFF): printable ASCII, accented letters, «», dashes and box drawing between
    /// ASCII cost no grapheme breaking, and a run of one such character (a rule) is measured once.
    static func forEachCell(of text: String, _ body: (_ shown: Character, _ width: Int) -> Bool) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var last: (scalar: Unicode.Scalar, shown: Character, width: Int)?
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
                guard body(Character(Unicode.Scalar(byte)), 1) else { return }
                index = next
                continue
            }
            let scalar = text.unicodeScalars[index]
            let afterScalar = text.unicodeScalars.index(after: index)
            if byte >= 0x80, scalar.value < 0x600 || (0x2000...0x2BFF).contains(scalar.value),
               afterScalar == utf8.endIndex || utf8[afterScalar] < 0x80 {
                if last?.scalar != scalar {
                    let (shown, width) = cell(Character(scalar))
                    last = (scalar, shown, width)
                }
                guard let last, body(last.shown, last.width) else { return }
                index = afterScalar
                continue
            }
            let (shown, width) = cell(text[index])
            guard body(shown, width) else { return }
            index = text.index(after: index)
        }
    }
}
