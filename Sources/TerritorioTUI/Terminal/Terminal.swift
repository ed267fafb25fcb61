import CNcurses
import Foundation

/// The real terminal, through ncursesw: raw mode (Ctrl-S, Ctrl-Q and Ctrl-C reach the program),
/// keypad keys decoded, Esc after 25 ms, resize as `KEY_RESIZE`. The only stateful part of the
/// interface; `stop()` gives the terminal back as it was.
final class Terminal: TerminalDevice {
    /// How long ncurses waits after Esc for the rest of a key's sequence.
    static let escapeDelayMilliseconds: Int32 = 25
    /// `wget_wch` failing at once this many times in a row means the terminal is gone.
    private static let lostAfterFailures = 50

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let canvas: CursesCanvas
    private var cursorVisible = false
    private var quickFailures = 0
    private var stopped = false

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, canvas: CursesCanvas) {
        self.screen = screen
        self.window = window
        self.canvas = canvas
    }

    /// Takes over the terminal on stdin/stdout in the theme `colors` (mono without colour support);
    /// `colors` is already the gestor's choice, `NO_COLOR` included.
    static func start(colors: ColorMode) throws(TerminalError) -> Terminal {
        _ = TerminalLocale.notice
        // ncurses itself turns colour off under NO_COLOR; a theme asked for with --colores wins.
        if colors != .mono { unsetenv("NO_COLOR") }
        TerminalSignals.install()
        guard let screen = newterm(nil, territorio_stdout(), territorio_stdin()) else {
            let name = ProcessInfo.processInfo.environment["TERM"] ?? "(sin TERM)"
            throw TerminalError(message: "No se pudo usar la terminal «\(name)». Pruebe con TERM=xterm-256color.")
        }
        set_term(screen)
        let window = territorio_stdscr()!
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(escapeDelayMilliseconds)
        curs_set(0)
        let theme = CursesTheme(mode: colors, hasColors: has_colors())
        return Terminal(screen: screen, window: window, canvas: CursesCanvas(window: window, theme: theme))
    }

    /// Whether the terminal on stdout can draw a screen: terminfo knows its `TERM` and it can
    /// move the cursor. Asked before anything else, so a `TERM=dumb` session gets the commands
    /// instead of a blank screen.
    static var canAddressCursor: Bool {
        territorio_can_address_cursor() != 0
    }

    var size: Size { canvas.size }

    func readKey(timeoutMilliseconds: Int) -> KeyRead {
        if TerminalSignals.terminationRequested { return .closed }
        let started = DispatchTime.now().uptimeNanoseconds
        switch read(timeoutMilliseconds: Int32(timeoutMilliseconds)) {
        case .some(let key):
            quickFailures = 0
            return .key(key)
        case .none:
            if TerminalSignals.terminationRequested { return .closed }
            let elapsed = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            if timeoutMilliseconds >= 20, elapsed < UInt64(timeoutMilliseconds / 2) {
                quickFailures += 1
                if quickFailures >= Self.lostAfterFailures { return .closed }
            } else {
                quickFailures = 0
            }
            return .timeout
        }
    }

    func present(repaintAll: Bool, _ draw: (any Canvas) -> Point?) {
        if repaintAll { clearok(window, true) }
        let cursor = draw(canvas)
        let size = canvas.size
        if let cursor, cursor.x < size.columns, cursor.y < size.rows {
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Leaves curses mode for `program` (the terminal as the shell had it), runs it, and comes
    /// back with every cell to be drawn again.
    func run(_ program: ExternalProgram) -> Int32? {
        def_prog_mode()
        endwin()
        let status = program.runAttached()
        if program.waitsForEnter {
            FileHandle.standardOutput.write(Data("\nPulse Enter para volver a Territorio.".utf8))
            _ = readLine()
        }
        reset_prog_mode()
        clearok(window, true)
        wrefresh(window)
        return status
    }

    /// Leaves curses mode: the terminal's modes, screen and cursor are restored.
    func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
    }

    // MARK: - Keys

    /// One key, or nil when none came in time.
    private func read(timeoutMilliseconds: Int32) -> Key? {
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK:
            let key = CursesKeys.character(UInt32(value))
            return key == .escape ? escapeOrSequence() : key
        case KEY_CODE_YES:
            return CursesKeys.code(Int32(value))
        default:
            return nil
        }
    }

    /// Esc alone is `.escape`; Esc followed at once by `[` or `O` is a sequence ncurses did not
    /// decode, read whole so its bytes never become text (`CursesKeys.escapeSequence`).
    private func escapeOrSequence() -> Key {
        wtimeout(window, 0)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == OK, value == 0x5B || value == 0x4F {
            return CursesKeys.escapeSequence(readSequence(introducer: UInt32(value)))
        }
        if result == OK {
            unget_wch(wchar_t(bitPattern: UInt32(value)))
        } else if result == KEY_CODE_YES {
            ungetch(Int32(value))
        }
        return .escape
    }

    /// The rest of a sequence: for CSI (`[`) up to its final byte (`@`…`~`), for SS3 (`O`) one byte.
    private func readSequence(introducer: UInt32) -> [UInt32] {
        wtimeout(window, Self.escapeDelayMilliseconds)
        var bytes = [introducer]
        var value: wint_t = 0
        for _ in 0..<32 {
            guard wget_wch(window, &value) == OK else { break }
            bytes.append(UInt32(value))
            if introducer == 0x4F || (0x40...0x7E).contains(value) { break }
        }
        return bytes
    }
}
