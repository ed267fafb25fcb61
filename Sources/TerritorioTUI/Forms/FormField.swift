import TerritorioModel

/// One field of a form (the novedad, the profile): what it holds and how it is edited. Its `id`
/// is the name validation uses (`tipo`, `descripcion`), so a problem lands next to its field.
struct FormField: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// One line of text of at most `limit` characters.
        case line(limit: Int)
        /// Several lines, word-wrapped: the description.
        case text(limit: Int)
        /// One value of a reference list, chosen by typing part of its name.
        case choice(ReferenceKind)
        /// Any number of values of a reference list.
        case choices(ReferenceKind)
        /// The novedad's photos.
        case photos
        /// A secret (the token): shown masked.
        case secret(limit: Int)
        /// A yes/no mark (datos sensibles, de menor), toggled with Space or Enter and written
        /// «[x] sí» / «[ ] no»: its state is text, never colour alone (accessible mode).
        case mark
    }

    let id: String
    let label: String
    let kind: Kind

    /// Whether the field is edited as text (a cursor, printable keys typed into it).
    var isText: Bool {
        switch kind {
        case .line, .text, .secret: true
        default: false
        }
    }
}
