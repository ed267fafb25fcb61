import CNcurses

/// The real terminal as a `Canvas`: each cell goes to `stdscr` through the wide API
/// (`setcchar` + `mvwadd_wch`), combining marks included; ncurses sends only what changed.
final class CursesCanvas: Canvas {
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: CursesTheme
    var isPlain = false

    init(window: UnsafeMutablePointer<WINDOW>, theme: CursesTheme) {
        self.window = window
        self.theme = theme
    }

    var size: Size {
        Size(columns: Int(territorio_cols()), rows: Int(territorio_lines()))
    }

    func clear() {
        werase(window)
    }

    func put(_ character: Character, width: Int, at point: Point, style: Style) {
        // A base character and up to CCHARW_MAX - 1 combining marks, zero-terminated.
        var text: [wchar_t] = character.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        let look = theme.look(style)
        var cell = cchar_t()
        setcchar(&cell, text, look.attributes, look.pair, nil)
        mvwadd_wch(window, Int32(point.y), Int32(point.x), &cell)
    }
}
