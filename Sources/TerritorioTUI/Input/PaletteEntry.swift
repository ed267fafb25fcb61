import TerritorioModel

/// One line of the command palette (`:` or Ctrl-P): an action of the screen, or a global one,
/// with its name and keys — all read from `ActionSpec.all`, like the footer and the help.
struct PaletteEntry: Equatable, Sendable {
    let action: Action
    /// How help words it: what the palette filters by.
    let name: String
    /// The keys that do it on the screen it belongs to (`b Supr`).
    let keys: String
    /// A global action the current screen does not have: it runs on the catalogue list, the
    /// screens above it closed first (with what they had pending saved).
    let runsOnRoot: Bool
    /// `name` and the footer's word for it (`terminar`), without accents or case, for matching.
    let folded: String

    init(action: Action, name: String, keys: String, runsOnRoot: Bool, hint: String? = nil) {
        self.action = action
        self.name = name
        self.keys = keys
        self.runsOnRoot = runsOnRoot
        folded = TextFolding.fold(name + (hint.map { " " + $0 } ?? ""))
    }

    /// The actions offered from every screen (run on the catalogue list when the screen itself
    /// lacks them): help, the profile, the novedades, sync now, quit.
    static let globalActions: [Action] = [.help, .showProfile, .showNovedades, .syncNow, .quit]

    /// Every action of `context` in table order, then the global ones it lacks (as the catalogue
    /// list binds them). Text typing and the palette itself are not actions to choose.
    static func all(for context: KeyContext) -> [PaletteEntry] {
        var seen = Set<Action>()
        var entries: [PaletteEntry] = []
        for spec in ActionSpec.all where spec.contexts.contains(context) {
            guard let action = spec.action, action != .palette, !seen.contains(action) else { continue }
            seen.insert(action)
            entries.append(PaletteEntry(action: action, name: spec.help, keys: spec.keysText, runsOnRoot: false, hint: spec.hint))
        }
        for action in globalActions where !seen.contains(action) {
            guard let spec = ActionSpec.all.first(where: { $0.action == action && $0.contexts.contains(.list) }) else { continue }
            entries.append(PaletteEntry(action: action, name: spec.help, keys: spec.keysText + " (en la lista)",
                                        runsOnRoot: action != .help && action != .quit && action != .syncNow, hint: spec.hint))
        }
        return entries
    }

    /// The entries matching `query` (every word of it inside the name, accents and case
    /// ignored), best first: the name starting with the query, then a word of it starting with
    /// the query's first word, then the rest — each group in table order.
    static func matching(_ query: String, in entries: [PaletteEntry]) -> [PaletteEntry] {
        let words = TextFolding.fold(query).split(separator: " ").map(String.init)
        guard let first = words.first else { return entries }
        let found = entries.filter { entry in words.allSatisfy { entry.folded.contains($0) } }
        func rank(_ entry: PaletteEntry) -> Int {
            if entry.folded.hasPrefix(first) { return 0 }
            if entry.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(where: { $0.hasPrefix(first) }) { return 1 }
            return 2
        }
        return found.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
