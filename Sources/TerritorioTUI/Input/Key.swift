/// A key as the interface understands it, whatever bytes the terminal sent: the terminal layer
/// turns every `wget_wch` result into one of these, in one place.
enum Key: Hashable, Sendable {
    /// A printable character, ñ, á, ü and wide ones included.
    case character(Character)
    /// Ctrl with a letter: `.control("u")` for Ctrl-U.
    case control(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-← and Ctrl-→: a word at a time in text.
    case wordLeft, wordRight
    case function(Int)
    /// The terminal changed size.
    case resize
    /// Anything else: unknown escape sequences, other control bytes, mouse events.
    case unknown

    /// How help and the footer write the key.
    var label: String {
        switch self {
        case .character(" "): "Espacio"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Retroceso"
        case .delete: "Supr"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case .pageUp: "RePág"
        case .pageDown: "AvPág"
        case .home: "Inicio"
        case .end: "Fin"
        case .function(let number): "F\(number)"
        case .resize: "(cambio de tamaño)"
        case .unknown: "(desconocida)"
        }
    }
}
