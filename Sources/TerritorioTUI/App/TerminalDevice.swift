/// What the loop needs from a terminal: its size, keys, and a way to show a frame. The real one
/// is `Terminal` (ncursesw); tests drive the loop with a scripted one that draws into a `CellGrid`.
protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// The next key, waiting at most `timeoutMilliseconds` (0: only a key already typed).
    func readKey(timeoutMilliseconds: Int) -> KeyRead
    /// Shows one frame: `draw` writes every cell and returns where the cursor goes (hidden when
    /// nil). `repaintAll` redraws even cells that did not change (Ctrl-L).
    func present(repaintAll: Bool, _ draw: (any Canvas) -> Point?)
    /// Gives the terminal to `program` until it ends (and the gestor presses Enter when it asks
    /// for that), then takes it back; returns its exit status, nil when it could not start.
    func run(_ program: ExternalProgram) -> Int32?
}

/// The result of waiting for a key.
enum KeyRead: Equatable {
    case key(Key)
    case timeout
    /// The terminal is gone or the program was asked to end (SIGTERM, SIGHUP): exit cleanly.
    case closed
}
