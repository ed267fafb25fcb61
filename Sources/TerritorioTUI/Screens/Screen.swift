/// One screen of the interface: data plus a draw and a key handler (tig's `view_ops`, newsboat's
/// `FormAction`). The `App` keeps them on a stack, draws the top one and hands it actions.
protocol Screen: AnyObject {
    /// The keymap in force, which also picks the footer's hints and help's section.
    var context: KeyContext { get }
    /// Where the terminal cursor should blink (a text field), or nil to hide it.
    var cursor: Point? { get }
    /// In accessible mode, where the cursor always sits — the selected row or the focused field —
    /// because screen readers and braille displays follow it. nil: the top of the screen's body.
    var focus: Point? { get }
    /// True while what the gestor asked for last (a search's rows) is not on screen yet.
    var isWaiting: Bool { get }
    /// True while any answer is still to come (a count too): the loop then polls quickly
    /// instead of sleeping until the next key.
    var expectsAnswers: Bool { get }
    /// Fits the screen to the body `area` of the next frame, `plain` in accessible mode: sizes
    /// its lists and lays out its text. A list that now shows rows not asked for asks for them
    /// here. Called just before `render`, so `render` only draws, and when the screen is on top
    /// again after another one closed, so the keys it handles before the next frame see the
    /// terminal as it is now.
    func layout(in area: Rect, plain: Bool)
    /// Draws the screen's body into `area` of `canvas`, as `layout` left it; writes cells only,
    /// changes nothing and never touches the terminal.
    func render(into canvas: any Canvas, in area: Rect)
    /// Reacts to an action; the outcome tells the `App` what to do next.
    func handle(_ action: Action) -> ScreenOutcome
    /// Called once per turn of the loop, after keys: sends pending questions and takes answers.
    /// True when something changed and the screen must be drawn again.
    func update() -> Bool
    /// The interface is ending (q, Ctrl-C, SIGTERM): save what is pending.
    func prepareToQuit()
    /// The screen above this one was closed: what it showed may have changed there.
    func reappeared()
    /// Actions the screen offers only now (undo right after a deletion): their hints lead the footer.
    var offers: Set<Action> { get }
}

extension Screen {
    var cursor: Point? { nil }
    var focus: Point? { cursor }
    var isWaiting: Bool { false }
    var expectsAnswers: Bool { isWaiting }
    func layout(in area: Rect, plain: Bool) {}
    func update() -> Bool { false }
    func prepareToQuit() {}
    func reappeared() {}
    var offers: Set<Action> { [] }
}
