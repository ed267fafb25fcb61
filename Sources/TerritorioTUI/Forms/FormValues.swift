/// What a form holds, by field id: text being edited, chosen ids, marks. Kept apart from the drawing
/// so screens convert it to and from the model's types in one place.
struct FormValues: Equatable, Sendable {
    var texts: [String: TextBuffer] = [:]
    var choices: [String: String] = [:]
    var multipleChoices: [String: [String]] = [:]
    var marks: [String: Bool] = [:]

    func text(_ id: String) -> String {
        texts[id]?.text ?? ""
    }

    /// The chosen id, "" when none (the model clears the field with "").
    func choice(_ id: String) -> String {
        choices[id] ?? ""
    }

    /// Whether the mark is on (off when never set).
    func mark(_ id: String) -> Bool {
        marks[id] ?? false
    }
}
