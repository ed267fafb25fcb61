/// Fitting text into columns: truncation with an ellipsis that never cuts a character in half,
/// and word wrapping by display width.
enum TextFit {
    static let ellipsis: Character = "…"

    /// `text` if it fits in `width` columns, else as much of it as fits with "…" at the end.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        result.append(ellipsis)
        return result
    }

    /// `text` if it fits in `width` columns, else "…" and as much of its end as fits: for a path
    /// being typed, whose end (where the cursor is) matters most.
    static func truncateStart(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var kept = ""
        var used = 0
        for character in text.reversed() {
            let columns = DisplayWidth.of(character)
            if used + columns > width - 1 { break }
            kept.insert(character, at: kept.startIndex)
            used += columns
        }
        return String(ellipsis) + kept
    }

    /// The lines of `text` wrapped at spaces to `width` columns; line breaks in the text are
    /// kept, and a word longer than a line is broken between characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let (head, rest) = split(word, at: width)
                    lines.append(head)
                    word = rest
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The columns to skip so `text` sits in the middle of `width`.
    static func centerOffset(_ text: String, width: Int) -> Int {
        max(0, (width - DisplayWidth.of(text)) / 2)
    }

    /// The longest start of `word` that fits `width` columns (at least one character), and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let columns = DisplayWidth.of(word[index])
            if used + columns > width, !head.isEmpty { break }
            head.append(word[index])
            used += columns
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
