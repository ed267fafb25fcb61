/// Resolves a key to an action in a context, from `ActionSpec.all`. In text-entry contexts every
/// printable key is text first; elsewhere only the table's bindings count.
enum KeyMap {
    private static let table: [KeyContext: [Key: Action]] = {
        var table: [KeyContext: [Key: Action]] = [:]
        for spec in ActionSpec.all {
            guard let action = spec.action else { continue }
            for context in spec.contexts {
                for key in spec.keys where table[context]?[key] == nil {
                    table[context, default: [:]][key] = action
                }
            }
        }
        return table
    }()

    static func action(for key: Key, in context: KeyContext) -> Action? {
        if context.isTextEntry, case .character(let character) = key { return .insert(character) }
        return table[context]?[key]
    }
}
