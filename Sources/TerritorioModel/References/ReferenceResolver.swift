import Foundation

/// Turns what a gestor types for a reference value (`8`, `kennedy`, `Ciudad Bolivar`, `IDIPRON`,
/// `bolivar`) into one item of a list, ignoring case and accents, or says why it cannot.
public enum ReferenceResolver {
    public enum Resolution: Equatable, Sendable {
        case found(ReferenceItem)
        /// More than one item matches; they are the candidates.
        case ambiguous([ReferenceItem])
        /// Nothing matches; these are the closest valid values (may be empty).
        case unknown(closest: [ReferenceItem])
    }

    /// Resolves `input` against `items`: an exact id, number, acronym or name wins; otherwise a
    /// value whose words begin the words of exactly one name (`bolivar`, `rafael uribe`).
    public static func resolve(_ input: String, in items: [ReferenceItem]) -> Resolution {
        let folded = TextFolding.fold(input.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty else { return .unknown(closest: Array(items.prefix(5))) }

        let exact = items.filter { item in
            TextFolding.fold(item.id) == folded
                || item.number.map(String.init) == folded
                || item.acronym.map(TextFolding.fold) == folded
                || TextFolding.fold(item.name) == folded
        }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }

        let inputWords = TextFolding.words(input)
        guard !inputWords.isEmpty else { return .unknown(closest: []) }
        let partial = items.filter { item in
            let nameWords = TextFolding.words(item.name) + TextFolding.words(item.id)
            return inputWords.allSatisfy { word in nameWords.contains { $0.hasPrefix(word) } }
        }
        if partial.count == 1 { return .found(partial[0]) }
        if partial.count > 1 { return .ambiguous(partial) }
        return .unknown(closest: closest(to: folded, in: items))
    }

    /// Up to five items whose id, acronym or name is nearest to `folded` by edit distance.
    private static func closest(to folded: String, in items: [ReferenceItem]) -> [ReferenceItem] {
        let scored = items.map { item -> (ReferenceItem, Int) in
            let candidates = [item.id, item.name] + (item.acronym.map { [$0] } ?? [])
            let distance = candidates.map { EditDistance.between(folded, TextFolding.fold($0)) }.min() ?? .max
            return (item, distance)
        }
        let limit = max(2, folded.count / 3)
        return scored.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }.prefix(5).map(\.0)
    }
}
