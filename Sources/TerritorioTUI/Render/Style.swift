/// What a piece of text *is*, never how it looks: each theme (`--colores`) decides the look, so
/// views stay the same in colour, monochrome and high contrast.
enum Style: Int, CaseIterable, Equatable, Hashable, Sendable {
    case plain
    /// The top bar: program name, sync state, counts.
    case header
    /// "DATOS DE MUESTRA — verificar antes de usar".
    case warning
    case footer
    /// The key part of a footer hint (`Enter` in `Enter abrir`).
    case footerKey
    /// A message for the gestor, above the footer.
    case status
    case title
    case heading
    /// Secondary text: summaries, labels, dates.
    case muted
    /// The selected row of a list.
    case selected
    /// The words of a title or summary that match the search.
    case match
    /// A match inside the selected row.
    case selectedMatch
    /// Box and flow lines.
    case frame
    /// «1.», «2.» in a route's steps.
    case stepNumber
    /// A phone number, address or URL to read aloud.
    case channelValue
    /// "(por confirmar)".
    case unconfirmed
    /// Text the gestor is typing.
    case input
    case error
}
