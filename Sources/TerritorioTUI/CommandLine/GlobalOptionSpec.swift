/// One option accepted before or after any subcommand. Like `CommandSpec.all` for subcommands,
/// this table writes the help's «Opciones globales», the man page and the bash completion, and
/// `ArgumentParser` recognises the options by it (each entry's `meaning`).
struct GlobalOptionSpec: Sendable {
    /// Its spellings: `["--help", "-h"]`.
    let names: [String]
    /// The value it takes (`CARPETA`), nil for a flag.
    let argument: String?
    /// What a value may be, for completion.
    let values: ValueCompletion
    /// Its help, one line per element.
    let summary: [String]
    /// What it asks of the program.
    let meaning: Meaning

    /// What an option asks of the program; `ArgumentParser` acts on it.
    enum Meaning: Equatable, Sendable {
        case dataDirectory
        case colors
        case accessible
        case help
        case version
    }

    /// What completion offers for an option's value.
    enum ValueCompletion: Equatable, Sendable {
        case none
        case directory
        case file
        case words([String])
    }

    /// `--datos CARPETA`, `--help, -h`.
    var label: String {
        names.joined(separator: ", ") + (argument.map { " " + $0 } ?? "")
    }

    /// The option spelled `name` (`--datos`, `-h`), if it is a global one.
    static func named(_ name: String) -> GlobalOptionSpec? {
        all.first { $0.names.contains(name) }
    }

    static let all: [GlobalOptionSpec] = [
        GlobalOptionSpec(names: ["--datos"], argument: "CARPETA", values: .directory,
                         summary: ["carpeta de datos (si no: $TERRITORIO_DATOS, o $XDG_DATA_HOME/territorio,",
                                   "o ~/.local/share/territorio)"], meaning: .dataDirectory),
        GlobalOptionSpec(names: ["--colores"], argument: "TEMA", values: .words(ColorMode.allCases.map(\.rawValue)),
                         summary: ["normal, mono o alto-contraste (NO_COLOR también pide mono)"], meaning: .colors),
        GlobalOptionSpec(names: ["--accesible"], argument: nil, values: .none,
                         summary: ["la interfaz para lectores de pantalla: el cursor siempre en lo elegido, sin",
                                   "cuadros ni letra grande (también TERRITORIO_ACCESIBLE=1, o «perfil --accesible si»)"], meaning: .accessible),
        GlobalOptionSpec(names: ["--help", "-h"], argument: nil, values: .none,
                         summary: ["esta ayuda; «territorio COMANDO --help» explica un comando"], meaning: .help),
        GlobalOptionSpec(names: ["--version"], argument: nil, values: .none,
                         summary: ["las versiones del programa, del catálogo cargado y de SQLite"], meaning: .version),
    ]
}
