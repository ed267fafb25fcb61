/// The rows a `TextBuffer` takes in a box `width` columns wide. Words wrap at spaces (a space
/// that ends a row stays on it), a word longer than a row breaks between characters, a wide
/// character never straddles the edge, and "\n" ends a row.
///
/// The terminal cursor must always land inside the box, so every character — and the end of
/// the text — needs a free column to start in: a row filled to the edge continues on the next
/// row, and the cursor after it shows at the start of that row. Laid out in one pass, so a
/// long descripción is wrapped again on every key.
struct WrappedText {
    /// Each row's characters as indices into the text; the "\n" that ends a row is part of
    /// it, so the rows one after another are the whole text. Never empty.
    let lines: [Range<Int>]
    let width: Int
    private let characters: [Character]

    init(_ buffer: TextBuffer, width: Int) {
        self.init(buffer.characters, width: width)
    }

    /// Widths below 1 are laid out as 1; a wide character alone on a row too narrow for it
    /// overflows it.
    init(_ characters: [Character], width: Int) {
        self.characters = characters
        self.width = max(1, width)
        var starts = [0]
        var used = 0
        // Just after the row's last space, and the columns used up to there.
        var wrapPoint: (index: Int, used: Int)?
        for index in 0...characters.count {
            let character: Character? = index < characters.count ? characters[index] : nil
            let columns = character.map(Self.columns) ?? 0
            // Breaking at the last space may still leave too little room; then break here.
            while used + max(columns, 1) > self.width, index > starts[starts.count - 1] {
                if let point = wrapPoint {
                    starts.append(point.index)
                    used -= point.used
                    wrapPoint = nil
                } else {
                    starts.append(index)
                    used = 0
                }
            }
            guard let character else { break }
            if character == "\n" {
                starts.append(index + 1)
                used = 0
                wrapPoint = nil
                continue
            }
            used += columns
            if character == " " || character == "\t" { wrapPoint = (index + 1, used) }
        }
        lines = starts.indices.map { row in
            starts[row]..<(row + 1 < starts.count ? starts[row + 1] : characters.count)
        }
    }

    /// What row `row` shows: its characters without the "\n" that ends it.
    func text(ofLine row: Int) -> String {
        var range = lines[row]
        if range.upperBound > range.lowerBound, characters[range.upperBound - 1] == "\n" {
            range = range.lowerBound..<range.upperBound - 1
        }
        return String(characters[range])
    }

    /// The row and column where the cursor shows when it is before character `index` (clamped
    /// to the text). The column is always less than `width`.
    func position(of index: Int) -> (row: Int, column: Int) {
        let index = min(max(0, index), characters.count)
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        var column = 0
        for character in characters[lines[low].lowerBound..<index] { column += Self.columns(character) }
        return (low, column)
    }

    /// The cursor index on row `row` (clamped) nearest `column` without passing it: for
    /// moving up and down. Past the end of a row it is the row's last place — before the
    /// "\n" or wrapping space that ends it; the place after belongs to the next row.
    func index(row: Int, column: Int) -> Int {
        let row = min(max(0, row), lines.count - 1)
        let line = lines[row]
        let last = row == lines.count - 1 ? line.upperBound : line.upperBound - 1
        var index = line.lowerBound
        var used = 0
        while index < last {
            let next = used + Self.columns(characters[index])
            if next > column { break }
            used = next
            index += 1
        }
        return index
    }

    /// Columns a character takes on its row; "\n" ends the row and takes none.
    private static func columns(_ character: Character) -> Int {
        character == "\n" ? 0 : DisplayWidth.of(character)
    }
}
