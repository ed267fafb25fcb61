/// A gestor's stable identifier (`ana-perez`, `maria.gomez-2`), the name coordinators and the
/// database use; the display name beside it may repeat, this may not.
public enum GestorID {
    /// Lowercase ASCII letters, digits, `.`, `_` and `-`, 1 to 64 of them.
    public static func isValid(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    static let rule = "minúsculas sin tilde, dígitos, «.», «_» o «-», de 1 a 64"
}
