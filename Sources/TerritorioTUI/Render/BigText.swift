/// Large print for the "mostrar al ciudadano" view: phone numbers drawn five rows tall in block
/// characters, so a citizen can read them from the gestor's screen at arm's length.
enum BigText {
    static let height = 5
    /// Between groups of digits (`01 8000`), wider than between digits, as the number is read.
    private static let groupGap = "    "

    private static let glyphs: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"],
        "1": [" █ ", "██ ", " █ ", " █ ", "███"],
        "2": ["███", "  █", "███", "█  ", "███"],
        "3": ["███", "  █", "███", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"],
        "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"],
        "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"],
        "9": ["███", "█ █", "███", "  █", "███"],
        "+": ["   ", " █ ", "███", " █ ", "   "],
        "-": ["   ", "   ", "███", "   ", "   "],
        "(": [" █", "█ ", "█ ", "█ ", " █"],
        ")": ["█ ", " █", " █", " █", "█ "],
        ".": [" ", " ", " ", " ", "█"],
        " ": [" ", " ", " ", " ", " "],
    ]

    /// `text` in large print as rows of block characters, broken at spaces into bands that fit
    /// `width` columns (each band `height` rows, bands separated by a blank row); nil when a
    /// character has no glyph or a group of digits alone is wider than `width`.
    static func rows(_ text: String, width: Int) -> [String]? {
        guard !text.isEmpty, text.allSatisfy({ glyphs[$0] != nil }) else { return nil }
        var bands: [[String]] = []
        var current: [String] = []
        for group in text.split(separator: " ").map(render) {
            let joined = current.isEmpty ? group : zip(current, group).map { $0 + groupGap + $1 }
            if joined[0].count <= width {
                current = joined
            } else {
                guard group[0].count <= width else { return nil }
                bands.append(current)
                current = group
            }
        }
        if !current.isEmpty { bands.append(current) }
        return bands.enumerated().flatMap { index, band in index == 0 ? band : [""] + band }
    }

    private static func render(_ group: Substring) -> [String] {
        (0..<height).map { row in group.compactMap { glyphs[$0]?[row] }.joined(separator: " ") }
    }
}
