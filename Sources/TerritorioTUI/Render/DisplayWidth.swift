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
        // Printable ASCII (most labels and keys): one column a byte, without grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += cell(character).width }
        return total
    }
}
