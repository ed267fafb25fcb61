import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The process locale, set once: the user's, unless its codeset is not UTF-8, in which case
/// C.UTF-8 (the only UTF-8 locale these machines are sure to have). ncursesw and `wcwidth`
/// only handle ñ, á, ü and wide characters under a UTF-8 locale.
enum TerminalLocale {
    /// Set on first use; the notice to show the gestor once when the fallback was needed.
    static let notice: String? = prepare()

    private static func prepare() -> String? {
        setlocale(LC_ALL, "")
        if isUTF8 { return nil }
        setlocale(LC_ALL, "C.UTF-8")
        guard isUTF8 else {
            return "La configuración regional no es UTF-8 y no existe C.UTF-8: las tildes y la ñ pueden verse mal."
        }
        return "La configuración regional no es UTF-8; se usa C.UTF-8."
    }

    private static var isUTF8: Bool {
        let codeset = String(cString: territorio_codeset()).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }
}
