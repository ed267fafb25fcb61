import Foundation

/// A status message as a full sentence — a capital first letter and a closing period (or «?»,
/// «!») — so a screen reader reads it as one, whatever it was made of: a message joined at run
/// time to an error's own text, a library's message, a server's answer.
enum StatusSentence {
    static func make(_ text: String) -> String {
        var sentence = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = sentence.last, ":;,".contains(last) {
            sentence = String(sentence.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let first = sentence.first else { return "" }
        if first.isLowercase { sentence = first.uppercased() + sentence.dropFirst() }
        if let last = sentence.last, !".?!".contains(last) { sentence += "." }
        return sentence
    }
}
