/// What a key asks for. Screens receive actions, never keys, so the keymap (`ActionSpec.all`)
/// alone decides which key does what — and the help screen is generated from it.
enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open
    case back
    case help
    case quit
    case redraw
    /// Enter search mode (`/`).
    case search
    case filterTheme, filterEntity, filterLocalidad, clearFilters
    case showToCitizen
    /// Open the Novedades screen (`n`).
    case showNovedades
    /// The next or previous tab of a screen with tabs.
    case nextTab, previousTab
    /// A printable key in a text field.
    case insert(Character)
    case deleteBackward, deleteWord, clearField
}
