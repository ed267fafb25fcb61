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
        ]
        for option in GlobalOptionSpec.all {
            for (index, line) in option.summary.enumerated() {
                lines.append("  " + (index == 0 ? option.label : "").padding(toLength: 18, withPad: " ", startingAt: 0) + line)
            }
        }
        lines += [
            "",
            "Los valores de --tema, --entidad y --localidad aceptan el id, el número, la sigla o el",
            "nombre, sin importar tildes ni mayúsculas (8, kennedy, «Ciudad Bolivar», IDIPRON).",
            "",
            "Códigos de salida: 0 bien (también «sin resultados»); 1 rechazado o fallido; 2 uso incorrecto.",
        ]
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
