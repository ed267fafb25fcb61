import TerritorioModel

/// The help printed by `territorio --help`, generated from the command table.
enum HelpText {
    static let version = "0.1.0"

    static func general() -> String {
        var lines = [
            "territorio \(version) — rutas y protocolos de atención y novedades, sin conexión.",
            "",
            "Uso: territorio [--datos CARPETA] COMANDO [OPCIONES]",
            "",
            "Comandos:",
        ]
        let width = CommandSpec.all.map(\.name.count).max() ?? 0
        for spec in CommandSpec.all {
            lines.append("  " + spec.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + spec.summary)
        }
        lines += [
            "",
            "Opciones globales (antes o después del comando):",
            "  --datos CARPETA   carpeta de datos (si no: $TERRITORIO_DATOS, o $XDG_DATA_HOME/territorio,",
            "                    o ~/.local/share/territorio)",
            "  --colores TEMA    normal, mono o alto-contraste (NO_COLOR también pide mono)",
            "  --accesible       la interfaz para lectores de pantalla: el cursor siempre en lo elegido, sin",
            "                    cuadros ni letra grande (también TERRITORIO_ACCESIBLE=1, o «perfil --accesible si»)",
            "  --help, -h        esta ayuda; «territorio COMANDO --help» explica un comando",
            "  --version         la versión del programa",
            "",
            "Los valores de --tema, --entidad y --localidad aceptan el id, el número, la sigla o el",
            "nombre, sin importar tildes ni mayúsculas (8, kennedy, «Ciudad Bolivar», IDIPRON).",
            "",
            "Códigos de salida: 0 bien (también «sin resultados»); 1 rechazado o fallido; 2 uso incorrecto.",
        ]
        return lines.joined(separator: "\n")
    }

    /// What `territorio` says in a terminal that cannot move its cursor (`TERM=dumb`, an unknown
    /// `TERM`): the interface cannot run there, and these commands do the same work.
    static func terminalCannotDraw(term: String?) -> String {
        // TERM comes from outside: its control characters never reach the terminal.
        let printable = term.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.properties.generalCategory != .control })) }
        let name = printable.map { $0.isEmpty ? "TERM vacío" : "TERM=\($0)" } ?? "sin TERM"
        let commands = [["catalogo", "buscar"], ["catalogo", "ver"], ["novedad", "crear"], ["novedad", "editar"], ["novedades"],
                        ["sincronizar"]]
        var lines = ["Esta terminal (\(name)) no puede mover el cursor, y la interfaz lo necesita.",
                     "Los comandos hacen el mismo trabajo sin dibujar la pantalla:"]
        for words in commands {
            guard let spec = CommandSpec.all.first(where: { $0.words == words }) else { continue }
            lines.append("  territorio \(spec.name)\(spec.arguments.isEmpty ? "" : " " + spec.arguments) …")
        }
        lines.append("Vea «territorio --help», o abra la interfaz en una terminal como xterm (TERM=xterm-256color).")
        return lines.joined(separator: "\n")
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = ["Uso: \(spec.usage)", "", spec.summary]
        if spec.flags.contains("--json") {
            lines += ["", "--json imprime JSON estable (mismos datos, mismos bytes); los avisos van a stderr."]
        }
        return lines.joined(separator: "\n")
    }
}
