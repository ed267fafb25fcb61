/// One subcommand of `territorio`: its words, what it accepts, and its help. The table of all
/// of them (`CommandSpec.all`) drives parsing, usage messages and `--help` alike.
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

    var name: String { words.joined(separator: " ") }

    var usage: String {
        var parts = ["territorio", name]
        if !arguments.isEmpty { parts.append(arguments) }
        parts += valueOptions.map { "[\($0) \(Self.placeholder(for: $0))]" }
        parts += flags.map { "[\($0)]" }
        return parts.joined(separator: " ")
    }

    private static func placeholder(for option: String) -> String {
        option == "--limite" ? "N" : String(option.dropFirst(2).prefix(1)).uppercased()
    }

    static let all: [CommandSpec] = [
        CommandSpec(words: ["catalogo", "buscar"], arguments: "TEXTO…", positionalCount: 1...Int.max,
                    valueOptions: ["--tema", "--entidad", "--localidad", "--limite"], flags: ["--json"],
                    summary: "Busca rutas y protocolos (sin importar tildes ni mayúsculas)."),
        CommandSpec(words: ["catalogo", "ver"], arguments: "ID", positionalCount: 1...1,
                    valueOptions: [], flags: ["--json"],
                    summary: "Muestra una ruta completa: pasos, canales, requisitos y base legal."),
        CommandSpec(words: ["catalogo", "listar"], arguments: "", positionalCount: 0...0,
                    valueOptions: ["--tema", "--entidad", "--localidad"], flags: ["--json"],
                    summary: "Lista las rutas del catálogo en uso."),
        CommandSpec(words: ["catalogo", "importar"], arguments: "ARCHIVO", positionalCount: 1...1,
                    valueOptions: [], flags: [],
                    summary: "Valida un catálogo JSON y, si está bien, reemplaza el catálogo en uso."),
        CommandSpec(words: ["referencias"], arguments: "[localidades|entidades|temas|tipos|urgencias|poblaciones]",
                    positionalCount: 0...1, valueOptions: [], flags: ["--json"],
                    summary: "Lista los valores válidos de localidades, entidades, temas, tipos, urgencias y poblaciones."),
    ]
}
