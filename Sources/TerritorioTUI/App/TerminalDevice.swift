/// What the loop needs from a terminal: its size, keys, and a way to show a frame. The real one
/// is `Terminal` (ncursesw); tests drive the loop with a scripted one that draws into a `CellGrid`.
protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// The next key, waiting at most `timeoutMilliseconds` (0: only a key already typed).
    func readKey(timeoutMilliseconds: Int) -> KeyRead
    /// Shows one frame: `draw` writes every cell and returns where the cursor goes (hidden when
    /// nil). `repaintAll` redraws even cells that did not change (Ctrl-L).
    func present(repaintAll: Bool, _ draw: (any Canvas) -> Point?)
}

/// The result of waiting for a key.
enum KeyRead: Equatable {
    case key(Key)
    case timeout
    /// The terminal is gone or the program was asked to end (SIGTERM, SIGHUP): exit cleanly.
    case closed
}
