/// Spanish singular and plural forms of a folded word, so `perros` finds `perro`, `niña` finds
/// `niñas` and `luces` finds `luz`. Forms that are not words of the catalogue are dropped later
/// against the index vocabulary, so over-generating here is harmless.
enum SpanishPlural {
    static func forms(of word: String) -> [String] {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return [word] }
        var forms = [word]
        if word.hasSuffix("ces") { forms.append(String(word.dropLast(3)) + "z") }
        if word.hasSuffix("es") { forms.append(String(word.dropLast(2))) }
        if word.hasSuffix("s") {
            forms.append(String(word.dropLast()))
        } else if word.hasSuffix("z") {
            forms.append(String(word.dropLast()) + "ces")
        } else {
            forms += [word + "s", word + "es"]
        }
        return forms
    }
}
