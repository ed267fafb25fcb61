import CNcurses

/// Turns what `wget_wch` returns into a `Key`, in one place (tig's `get_input`).
enum CursesKeys {
    /// A character code (`wget_wch` returned `OK`).
    static func character(_ value: UInt32) -> Key {
        switch value {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0..<32, 0x80...0x9F: return .unknown
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    /// A key code (`wget_wch` returned `KEY_CODE_YES`).
    static func code(_ value: Int32) -> Key {
        switch value {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case territorio_key_f(1)...territorio_key_f(24): return .function(Int(value - territorio_key_f(0)))
        default: return modified(keyname(value).map { String(cString: $0) } ?? "")
        }
    }

    /// Keys terminfo names beyond the standard codes: Ctrl-← is `kLFT5`, Ctrl-→ `kRIT5`.
    static func modified(_ name: String) -> Key {
        switch name {
        case "kLFT5": .wordLeft
        case "kRIT5": .wordRight
        default: .unknown
        }
    }

    /// A sequence ncurses' terminfo did not know, as the bytes after Esc: `[` or `O` and the
    /// rest (`[4~`, `OF`). Terminals that do not match their `TERM` (tmux under
    /// `xterm-256color`, old consoles) send these for Home, End and the like; modifiers are
    /// ignored (Ctrl-↑ moves as ↑) except Ctrl on ← and →, a word at a time. Anything else is
    /// `.unknown`.
    static func escapeSequence(_ bytes: [UInt32]) -> Key {
        guard let introducer = bytes.first, let final = bytes.last, bytes.count >= 2 else { return .unknown }
        let parameters = String(String.UnicodeScalarView(bytes.dropFirst().dropLast().compactMap(Unicode.Scalar.init)))
        let first = parameters.split(separator: ";").first.map(String.init) ?? ""
        let withControl = parameters.hasSuffix(";5")
        switch (introducer, Unicode.Scalar(final).map(Character.init)) {
        case (_, "A"): return .up
        case (_, "B"): return .down
        case (_, "C"): return withControl ? .wordRight : .right
        case (_, "D"): return withControl ? .wordLeft : .left
        case (_, "H"): return .home
        case (_, "F"): return .end
        case (0x4F, "M"): return .enter
        case (0x4F, "P"): return .function(1)
        case (0x4F, "Q"): return .function(2)
        case (0x4F, "R"): return .function(3)
        case (0x4F, "S"): return .function(4)
        case (0x5B, "~"):
            let tilde: [String: Key] = [
                "1": .home, "7": .home, "4": .end, "8": .end, "3": .delete, "5": .pageUp, "6": .pageDown,
                "11": .function(1), "12": .function(2), "13": .function(3), "14": .function(4), "15": .function(5),
                "17": .function(6), "18": .function(7), "19": .function(8), "20": .function(9), "21": .function(10),
                "23": .function(11), "24": .function(12),
            ]
            return tilde[first] ?? .unknown
        default:
            return .unknown
        }
    }
}
