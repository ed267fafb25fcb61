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
    // MARK: Forms
    /// The next or previous field of a form (Tab, Shift-Tab).
    case nextField, previousField
    /// Move the text cursor: by character, by word.
    case cursorLeft, cursorRight, wordLeft, wordRight
    /// Delete the character under the cursor, or clear a chosen value.
    case deleteForward
    /// Save the form now (autosave does it anyway, within a second).
    case save
    /// Edit the description in the gestor's `$EDITOR`.
    case externalEditor
    /// Queue the novedad for sending (it is checked first).
    case enqueue
    /// Put on or take off the focused yes/no mark (Space; Enter does it too).
    case toggleMark
    // MARK: Novedades
    case newNovedad, dequeue, correct, deleteNovedad
    /// Open the command palette (`:`, Ctrl-P).
    case palette
    /// Take back the last deletion: a draft from the papelera, a photo removed from the form.
    case undo
    /// A new novedad about the route on screen.
    case reportNovedad
    /// The gestor's profile.
    case showProfile
    /// Sync now, ignoring backoff.
    case syncNow
    // MARK: Choosing a photo
    /// Complete the name typed in a path entry (Tab).
    case complete
    /// Show or hide files whose names start with ".".
    case toggleHidden
    /// Show the marked photo in the terminal (with `chafa`).
    case preview
}
