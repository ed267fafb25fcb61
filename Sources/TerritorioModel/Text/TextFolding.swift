import Foundation

/// Folding for matching what a gestor types against stored names: case and accents are ignored
/// (`Ciudad Bolivar` matches `Ciudad Bolívar`, `ninos` matches `niños`), as FTS5's
/// `remove_diacritics 2` does for search.
public enum TextFolding {
    /// Lowercased, without combining marks, with runs of whitespace collapsed to one space.
    public static func fold(_ text: String) -> String {
        // Fast path: plain ASCII (most words) needs no Unicode decomposition.
        if text.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if (0x0300...0x036F).contains(scalar.value) { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The folded words of `text`: runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
