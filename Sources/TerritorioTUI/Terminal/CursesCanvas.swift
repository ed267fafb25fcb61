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
        let look = theme.look(style)
        var cell = cchar_t()
        let scalars = character.unicodeScalars
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            // Almost every cell: one scalar, kept on the stack (a frame is ~2 000 cells).
            var text: (wchar_t, wchar_t) = (wchar_t(bitPattern: scalars[scalars.startIndex].value), 0)
            withUnsafePointer(to: &text) { pointer in
                pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cell, $0, look.attributes, look.pair, nil) }
            }
        } else {
            // A base character and up to CCHARW_MAX - 1 combining marks, zero-terminated.
            var text: [wchar_t] = scalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
            text.append(0)
            setcchar(&cell, text, look.attributes, look.pair, nil)
        }
        mvwadd_wch(window, Int32(point.y), Int32(point.x), &cell)
    }
}
