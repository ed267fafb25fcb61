import TerritorioWire

/// The part of a bucket one server owns (`TERRITORIO_S3_PREFIJO`): every object name goes under
/// it, so several servers — a district's test and production, or the tests' own databases —
/// can share one bucket and never touch each other's objects. The server never lists the
/// bucket; it reads and deletes only names its database recorded, so maintenance stays inside
/// the prefix too. Empty (the default): names at the bucket's root.
public struct S3KeyPrefix: Sendable, Equatable, CustomStringConvertible {
    public static let environmentVariable = "TERRITORIO_S3_PREFIJO"
    /// Long enough for any layout, short enough to leave room for names under S3's 1 024-byte keys.
    static let maximumLength = 200

    /// Without slashes at either end: `territorio/produccion`, or "" for none.
    public let description: String

    public init() {
        description = ""
    }

    /// Parts separated by `/`, each of ASCII letters, digits, `.`, `_` or `-` (neither `.` nor
    /// `..`); one trailing `/` is allowed. Anything else is refused with the variable's name.
    public init(_ text: String) throws {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let valid = trimmed.utf8.count <= Self.maximumLength && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.utf8.allSatisfy(Self.isAllowed)
        }
        guard valid else {
            throw ObjectStoreFailure("""
                \(Self.environmentVariable) debe ser una o más partes separadas por «/», cada una de letras sin tilde, \
                dígitos, «.», «_» o «-», de hasta \(Self.maximumLength) caracteres en total (p. ej. territorio/produccion); \
                se recibió «\(TerminalText.visible(text))».
                """)
        }
        description = trimmed
    }

    /// The key of the server's object `name` in the bucket.
    func key(_ name: String) -> String {
        description.isEmpty ? name : description + "/" + name
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
