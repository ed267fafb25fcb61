/// The text of a form field being edited — a novedad's descripción over several lines, or a
/// one-line barrio — with a cursor that can sit anywhere in it. Pure editing logic, tested
/// without a terminal. Text never grows past `limit` characters (a pasted page is cut, not a
/// hang), and control characters never get in, so nothing typed or pasted can move the
/// terminal's cursor when drawn.
struct TextBuffer: Equatable, Sendable {
    /// Stored as characters so the cursor is a plain index and every move is O(1). They always
    /// match `Array(text)`: a combining accent or an emoji sequence arriving one key at a time
    /// joins the character before it, as it would in a `String`.
    private(set) var characters: [Character] = []
    /// Where the next character goes, `0...characters.count`.
    private(set) var cursor = 0
    let limit: Int
    /// A one-line field: line breaks and tabs typed or pasted become spaces.
    let singleLine: Bool
    /// The column the cursor keeps across consecutive moves up and down, so passing a short
    /// row does not pull it to the left for the rest of the way. Any other move or edit forgets it.
    private var goalColumn: Int?

    /// A buffer holding `text` (cleaned and cut like a paste), with the cursor at its end.
    init(text: String = "", limit: Int, singleLine: Bool = false) {
        self.limit = max(0, limit)
        self.singleLine = singleLine
        insert(text)
    }

    var text: String { String(characters) }

    // MARK: - Editing

    /// Inserts `text` at the cursor and moves the cursor after it. "\r\n" and "\r" become "\n"
    /// (in a one-line field, line breaks and tabs become spaces), other control characters are
    /// dropped, and whatever does not fit in `limit` is cut. False when nothing was inserted.
    @discardableResult
    mutating func insert(_ text: String) -> Bool {
        let room = limit - characters.count
        guard room > 0 else { return false }
        let added = Array(Self.cleaned(text, singleLine: singleLine).prefix(room))
        guard !added.isEmpty else { return false }
        replace(cursor..<cursor, with: added)
        return true
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace(cursor - 1..<cursor, with: [])
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        replace(cursor..<cursor + 1, with: [])
    }

    /// Ctrl-W: deletes the whitespace before the cursor and the word before that, up to the
    /// previous whitespace (readline's `unix-word-rubout`).
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        guard start < cursor else { return }
        replace(start..<cursor, with: [])
    }

    /// Ctrl-U: deletes from the start of the cursor's line (after the last "\n") to the cursor.
    mutating func clearLine() {
        let start = lineStart
        guard start < cursor else { return }
        replace(start..<cursor, with: [])
    }

    /// Puts `text` in place of everything, as after editing it in an external editor; the
    /// cursor goes to the end.
    mutating func replaceAll(with text: String) {
        characters = []
        cursor = 0
        goalColumn = nil
        insert(text)
    }

    // MARK: - Moving along the text

    mutating func moveLeft() {
        move(to: cursor - 1)
    }

    mutating func moveRight() {
        move(to: cursor + 1)
    }

    /// To the start of the word at or before the cursor; words are runs of letters and digits,
    /// as in readline.
    mutating func moveWordLeft() {
        var index = cursor
        while index > 0, !Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        move(to: index)
    }

    /// To the end of the word at or after the cursor.
    mutating func moveWordRight() {
        var index = cursor
        while index < characters.count, !Self.isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        move(to: index)
    }

    /// To the start of the cursor's line, that is, just after the previous "\n".
    mutating func moveToLineStart() {
        move(to: lineStart)
    }

    /// To the end of the cursor's line, that is, just before the next "\n".
    mutating func moveToLineEnd() {
        var index = cursor
        while index < characters.count, characters[index] != "\n" { index += 1 }
        move(to: index)
    }

    mutating func moveToStart() {
        move(to: 0)
    }

    mutating func moveToEnd() {
        move(to: characters.count)
    }

    // MARK: - Moving by rows on screen

    /// One row up in the text wrapped to `width` columns, keeping the goal column. False (and
    /// no move) on the first row, so a form can take the key to go to the previous field.
    @discardableResult
    mutating func moveUp(width: Int) -> Bool {
        moveVertically(by: -1, width: width)
    }

    /// One row down, keeping the goal column. False (and no move) on the last row.
    @discardableResult
    mutating func moveDown(width: Int) -> Bool {
        moveVertically(by: 1, width: width)
    }

    mutating func moveToVisualLineStart(width: Int) {
        let layout = WrappedText(self, width: width)
        move(to: layout.index(row: layout.position(of: cursor).row, column: 0))
    }

    /// To the last place on the cursor's row: before the "\n" or the space that ends it, or at
    /// the end of the text.
    mutating func moveToVisualLineEnd(width: Int) {
        let layout = WrappedText(self, width: width)
        move(to: layout.index(row: layout.position(of: cursor).row, column: .max))
    }

    // MARK: - Private

    /// Index just after the "\n" before the cursor, or 0.
    private var lineStart: Int {
        var index = cursor
        while index > 0, characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private mutating func move(to index: Int) {
        cursor = min(max(0, index), characters.count)
        goalColumn = nil
    }

    private mutating func moveVertically(by rows: Int, width: Int) -> Bool {
        let layout = WrappedText(self, width: width)
        let (row, column) = layout.position(of: cursor)
        guard layout.lines.indices.contains(row + rows) else { return false }
        let goal = goalColumn ?? column
        cursor = layout.index(row: row + rows, column: goal)
        goalColumn = goal
        return true
    }

    /// Replaces `range` with `new` and puts the cursor after it. The characters on both sides
    /// of the change are then grouped again as a `String` would, so an accent typed after its
    /// letter, or a flag's second half, joins it; the cursor stays after the joined character.
    private mutating func replace(_ range: Range<Int>, with new: [Character]) {
        characters.replaceSubrange(range, with: new)
        goalColumn = nil
        let target = range.lowerBound + new.count
        var low = max(0, range.lowerBound - 1)
        var high = min(characters.count, target + 1)
        // Flags pair regional indicators from the start of a run, so a whole run is regrouped.
        while low > 0, Self.isRegionalIndicator(characters[low - 1]) { low -= 1 }
        while high < characters.count, Self.isRegionalIndicator(characters[high]) { high += 1 }
        var regrouped = Array(String(characters[low..<high]))
        // A regrouped emoji sequence ending in a joiner can take the character after it too.
        while high < characters.count, let last = regrouped.last, String([last, characters[high]]).count == 1 {
            high += 1
            regrouped = Array(String(characters[low..<high]))
        }
        let scalarsBefore = characters[low..<target].reduce(0) { $0 + $1.unicodeScalars.count }
        var newCursor = low
        var offset = 0
        for character in regrouped where offset < scalarsBefore {
            offset += character.unicodeScalars.count
            newCursor += 1
        }
        characters.replaceSubrange(low..<high, with: regrouped)
        cursor = newCursor
    }

    /// `text` as the buffer may hold it: line breaks unified (or spaces in a one-line field),
    /// control characters dropped.
    private static func cleaned(_ text: String, singleLine: Bool) -> String {
        var result = ""
        for character in text {
            if character == "\r\n" || character == "\r" || character == "\n" {
                result.append(singleLine ? " " : "\n")
            } else if character == "\t" {
                result.append(singleLine ? " " : "\t")
            } else if !isControl(character) {
                result.append(character)
            }
        }
        return result
    }

    /// C0 and C1 control characters and DEL. Each is a character of its own in Swift, so the
    /// first scalar tells.
    private static func isControl(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isRegionalIndicator(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x1F1E6...0x1F1FF).contains(value)
    }
}
