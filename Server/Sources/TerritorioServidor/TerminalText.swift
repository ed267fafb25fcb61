/// Text from outside made safe to print on a terminal: C0 controls and DEL as their pictures
/// (`␛`, `␡`), C1 controls and bidirectional overrides as `‹U+009B›`.
enum TerminalText {
    static func visible(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: output.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: output += "␡"
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                output += "‹U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "›"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
