import CNcurses

/// The columns one Unicode scalar takes, from the C library's `wcwidth` under a UTF-8 locale
/// — the same table ncursesw uses to place characters, so drawn text never drifts.
enum ScalarWidth {
    /// -1 for characters the terminal cannot show, 0 for combining and zero-width ones, else 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20, scalar.value < 0x7F { return 1 }
        _ = TerminalLocale.notice
        return Int(territorio_wcwidth(wchar_t(bitPattern: scalar.value)))
    }
}
