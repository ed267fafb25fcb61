import Foundation

/// Groups of words a gestor uses for the same thing (`basura`, `residuos`, `escombros`), read from
/// `Resources/sinonimos.txt` and expanded at query time: one line a group, words separated by
/// commas, `#` starts a comment. Words are folded, so accents in the file do not matter.
public struct SynonymTable: Equatable, Sendable {
    private let groups: [String: [String]]

    public static let empty = SynonymTable(groups: [:])

    private init(groups: [String: [String]]) {
        self.groups = groups
    }

    public init(text: String) {
        var groups: [String: [String]] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(separator: ",").map { TextFolding.fold(String($0)) }.filter { !$0.isEmpty && !$0.contains(" ") }
            guard words.count > 1 else { continue }
            for word in words {
                groups[word, default: []].append(contentsOf: words.filter { $0 != word && !(groups[word]?.contains($0) ?? false) })
            }
        }
        self.groups = groups
    }

    /// The table in the bundled resources, or an empty one when the file is missing.
    public static func bundled(environment: [String: String]) -> SynonymTable {
        guard let path = ResourceLocator.resource(named: "sinonimos.txt", environment: environment),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .empty }
        return SynonymTable(text: text)
    }

    /// The other words of `word`'s groups (folded), in file order.
    public func synonyms(of word: String) -> [String] {
        groups[TextFolding.fold(word)] ?? []
    }
}
