import Foundation

/// Text from outside (a server's answer, a catalogue file, a file name) made safe to print on a
/// terminal: control characters could otherwise change the window's title, clear the screen or
/// reorder what the gestor reads. They are shown, not dropped, so nothing is hidden either.
public enum TerminalText {
    /// Whether a terminal would act on `scalar` instead of showing it: C0 controls, DEL, C1
    /// controls (U+0080–U+009F, e.g. U+009B, a one-byte CSI) and the bidirectional embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1f, 0x7f...0x9f, 0x202a...0x202e, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character made visible: C0 controls and DEL as their Unicode
    /// control pictures (`␛`, `␇`, `␡`), the others as `‹U+009B›`. With `keepingLineBreaks`, line
    /// feeds and tabs stay as they are (for whole messages whose lines are the program's own).
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) else {
                shown.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1f: shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7f: shown.append("\u{2421}")
            default: shown.append(contentsOf: "‹U+\(String(format: "%04X", scalar.value))›".unicodeScalars)
            }
        }
        return String(shown)
    }
}
