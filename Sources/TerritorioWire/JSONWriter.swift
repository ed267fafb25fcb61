/// Writes `JSONValue`s as UTF-8 text: the one JSON writer of the client and the server, so both
/// escape text the same way. The same value always gives the same bytes, which is what makes
/// `--json` output stable between calls and the server's catalogue versions comparable. Control
/// characters (C0, DEL, C1, the bidirectional overrides) and the JavaScript line separators are
/// written as `\u` escapes, so the output is safe on a terminal.
public enum JSONWriter {
    /// Indented by two spaces, object keys in the value's order (`id` and `titulo` first): what a
    /// person reads (`--json`) and what the client stores.
    public static func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, layout: .indented, depth: 0, into: &output)
        return output
    }

    /// Compact, object keys sorted: one text per content, so two texts are equal exactly when
    /// their values are — how the server tells an unchanged catalogue route from a changed one.
    public static func canonical(_ value: JSONValue) -> String {
        var output = ""
        write(value, layout: .canonical, depth: 0, into: &output)
        return output
    }

    /// Appends `text` as a JSON string literal.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where TerminalText.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// How containers are laid out: one member a line, or everything on one line with sorted keys.
    private enum Layout {
        case indented
        case canonical

        /// Starts the line of a member (or of a container's closing bracket) at `depth`.
        func startLine(depth: Int, in output: inout String) {
            guard self == .indented else { return }
            output += "\n"
            for _ in 0..<depth { output += "  " }
        }

        var keySeparator: String { self == .indented ? ": " : ":" }
    }

    private static func write(_ value: JSONValue, layout: Layout, depth: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .double(let number): output += formatted(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                layout.startLine(depth: depth + 1, in: &output)
                write(element, layout: layout, depth: depth + 1, into: &output)
            }
            layout.startLine(depth: depth, in: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            let ordered = layout == .canonical ? members.sorted { $0.key < $1.key } : members
            for (offset, member) in ordered.enumerated() {
                if offset > 0 { output += "," }
                layout.startLine(depth: depth + 1, in: &output)
                writeString(member.key, into: &output)
                output += layout.keySeparator
                write(member.value, layout: layout, depth: depth + 1, into: &output)
            }
            layout.startLine(depth: depth, in: &output)
            output += "}"
        }
    }

    private static func formatted(_ number: Double) -> String {
        guard number.isFinite else { return "null" }  // JSON has no NaN or infinity
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) + ".0" }
        return "\(number)"
    }
}
