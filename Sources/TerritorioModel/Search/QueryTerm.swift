/// One word of a query after plural, synonym and typo handling: the FTS5 terms that count as
/// that word (any of them matches it).
struct QueryTerm: Equatable {
    /// The word as the gestor typed it (folded).
    let typed: String
    /// The word searched for: `typed`, or its correction.
    let searched: String
    /// Complete index terms that count as this word.
    let terms: [String]
    /// A prefix also counts (the last word, still being typed).
    let prefix: String?

    var wasCorrected: Bool { typed != searched }

    /// `("perro" OR "perros" OR "mascota" OR "perr"*)` — every piece quoted, so no input can be
    /// FTS5 syntax.
    var expression: String {
        var pieces = terms.map(Self.quoted)
        if let prefix { pieces.append(Self.quoted(prefix) + "*") }
        return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " OR ") + ")"
    }

    static func quoted(_ word: String) -> String {
        "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
