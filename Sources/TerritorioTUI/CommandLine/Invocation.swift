/// What the command line asks for, once parsed.
enum Invocation: Equatable {
    /// No command: the interface, with the global options given — or, when stdout is not a
    /// terminal, the general help.
    case interface(GlobalOptions)
    /// `--help`, `-h` or `ayuda`; with a command, that command's help.
    case help(CommandSpec?)
    /// `--version`, with the global options so it reads the catalogue of the chosen data directory.
    case version(GlobalOptions)
    case run(ParsedCommand)
    /// `--generar-documento man|completado-bash`, for the packages.
    case document(GeneratedDocument)
}

/// A subcommand with its arguments, checked against its spec.
struct ParsedCommand: Equatable {
    let spec: CommandSpec
    let positionals: [String]
    let values: [String: [String]]
    let flags: Set<String>
    let global: GlobalOptions

    /// The option's value; the last one when it was given several times.
    func value(_ option: String) -> String? { values[option]?.last }
    /// Every value of a repeatable option (`--adjunto a.jpg --adjunto b.png`), in order.
    func allValues(_ option: String) -> [String] { values[option] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
