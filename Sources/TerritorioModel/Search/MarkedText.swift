import Foundation

/// Text with the words that matched a search marked, for highlighting: the CLI brackets them,
/// the interface draws them in another style.
public struct MarkedText: Equatable, Sendable {
    public struct Segment: Equatable, Sendable {
        public let text: String
        public let isMatch: Bool

        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public let segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// `text` with the words for which `isMatch(foldedWord)` holds marked.
    static func highlighting(_ text: String, isMatch: (String) -> Bool) -> MarkedText {
        MarkedText(segments: Self.words(of: text, isMatch: isMatch).map { Segment(text: $0.text, isMatch: $0.isMatch) }.merged())
    }

    /// About `length` words of `text` around its first matched word, with «…» where cut: the
    /// fragment of a route's text that shows why it was found.
    static func snippet(_ text: String, length: Int = 14, isMatch: (String) -> Bool) -> MarkedText {
        let pieces = Self.words(of: text.replacingOccurrences(of: "\n", with: " "), isMatch: isMatch)
        let wordIndices = pieces.indices.filter { pieces[$0].isWord }
        guard let firstMatch = pieces.firstIndex(where: \.isMatch), wordIndices.count > length else {
            return MarkedText(segments: pieces.map { Segment(text: $0.text, isMatch: $0.isMatch) }.merged())
        }
        let matchWord = wordIndices.firstIndex(of: firstMatch) ?? 0
        let startWord = max(0, min(matchWord - 3, wordIndices.count - length))
        let start = startWord == 0 ? 0 : wordIndices[startWord]
        let endWord = startWord + length
        let end = endWord >= wordIndices.count ? pieces.count : wordIndices[endWord]
        var segments = pieces[start..<end].map { Segment(text: $0.text, isMatch: $0.isMatch) }
        if start > 0 { segments.insert(Segment(text: "…", isMatch: false), at: 0) }
        if end < pieces.count { segments.append(Segment(text: "…", isMatch: false)) }
        return MarkedText(segments: segments.merged())
    }

    /// `text` cut into runs of letters/digits (words) and the text between them.
    private static func words(of text: String, isMatch: (String) -> Bool) -> [(text: String, isWord: Bool, isMatch: Bool)] {
        var pieces: [(text: String, isWord: Bool, isMatch: Bool)] = []
        var current = ""
        var currentIsWord = false
        func flush() {
            guard !current.isEmpty else { return }
            pieces.append((current, currentIsWord, currentIsWord && isMatch(TextFolding.fold(current))))
            current = ""
        }
        for character in text {
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter != currentIsWord { flush() }
            currentIsWord = isWordCharacter
            current.append(character)
        }
        flush()
        return pieces
    }

    public var plainText: String { segments.map(\.text).joined() }

    /// The matched words in «guillemets»: `Violencia contra «mujeres»`.
    public var bracketed: String {
        segments.map { $0.isMatch ? "«\($0.text)»" : $0.text }.joined()
    }

    public var json: JSONValue { .string(bracketed) }
}

private extension Array where Element == MarkedText.Segment {
    /// Neighbouring segments of the same kind joined, so equal texts have equal segments.
    func merged() -> [MarkedText.Segment] {
        var result: [MarkedText.Segment] = []
        for segment in self {
            if let last = result.last, last.isMatch == segment.isMatch {
                result[result.count - 1] = MarkedText.Segment(text: last.text + segment.text, isMatch: last.isMatch)
            } else {
                result.append(segment)
            }
        }
        return result
    }
}
