/// One subcommand of `territorio`: its words, what it accepts, its help, what it needs prepared
/// and what it runs. The table of all of them (`CommandSpec.all`, in `CommandTable.swift`) drives
/// parsing, usage messages, `--help`, the man page, the completion and dispatch alike, so a
/// command exists exactly when it has an entry.
struct CommandSpec: Equatable, Sendable {
    /// The words that name it: `["catalogo", "buscar"]`.
    let words: [String]
    /// Names of its positional arguments, for the usage line (`TEXTO…`, `[LISTA]`).
    let arguments: String
    let positionalCount: ClosedRange<Int>
    /// Options that take a value (`--tema T`).
    let valueOptions: [String]
    /// Options that are flags (`--json`).
    let flags: [String]
    let summary: String
    /// What must be ready before it runs, in order (the catalogue loaded, the purge at start).
    let preparation: [CommandPreparation]
    /// The command itself, given the open store and its parsed arguments.
    let run: @Sendable (CommandContext) throws -> Void

    var name: String { words.joined(separator: " ") }

    /// Entries are told apart by their words, which are unique in the table.
    static func == (lhs: CommandSpec, rhs: CommandSpec) -> Bool { lhs.words == rhs.words }

    var usage: String {
        var parts = ["territorio", name]
        if !arguments.isEmpty { parts.append(arguments) }
        parts += valueOptions.map { "[\($0) \(Self.placeholder(for: $0))]" }
        parts += flags.map { "[\($0)]" }
        return parts.joined(separator: " ")
    }

    /// The name shown for an option's value (`--dias N`, `--adjunto ARCHIVO`).
    static func placeholder(for option: String) -> String {
        switch option {
        case "--limite", "--dias", "--meses": "N"
        case "--coordenadas": "LAT,LON"
        case "--adjunto": "ARCHIVO"
        case "--observada": "\"AAAA-MM-DD HH:MM\""
        case "--consentimiento": "VERSION-DEL-TEXTO"
        case "--servidor": "URL"
        case "--accesible": "si|no"
        default: String(option.dropFirst(2).prefix(1)).uppercased()
        }
    }
}
