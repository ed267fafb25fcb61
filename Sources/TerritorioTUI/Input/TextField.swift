/// A one-line text field: what the gestor types in the search box or a pick-list. Text is only
/// added or removed at its end, and never grows past `limit` characters (a pasted page is cut,
/// not a hang).
struct TextField: Equatable, Sendable {
    private(set) var text = ""
    let limit: Int

    init(limit: Int = 200) {
        self.limit = limit
    }

    /// Adds `character`; false (and no change) when the field is full.
    @discardableResult
    mutating func insert(_ character: Character) -> Bool {
        guard text.count < limit else { return false }
        text.append(character)
        return true
    }

    mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }

    /// Removes the last word and the spaces after it.
    mutating func deleteWord() {
        while text.last == " " { text.removeLast() }
        while let last = text.last, last != " " { text.removeLast() }
    }

    mutating func clear() {
        text = ""
    }

    /// Replaces the whole text, cut at `limit`.
    mutating func replace(with text: String) {
        self.text = String(text.prefix(limit))
    }

    /// Applies `action` when it is typing: a character, deleting back or a word, clearing.
    /// - Returns: nil when `action` is not typing; false when a character did not fit.
    mutating func edit(_ action: Action) -> Bool? {
        switch action {
        case .insert(let character): return insert(character)
        case .deleteBackward: deleteBackward()
        case .deleteWord: deleteWord()
        case .clearField: clear()
        default: return nil
        }
        return true
    }
}
