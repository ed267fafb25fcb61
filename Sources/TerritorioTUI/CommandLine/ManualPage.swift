import Foundation

/// `territorio(1)` in Spanish, written in man(7) roff from the command and global option tables,
/// so the installed manual lists exactly the commands the program parses. `scripts/paquetes`
/// writes it with `territorio --generar-documento man`.
enum ManualPage {
    static func text() -> String {
        var lines = [
            ".TH TERRITORIO 1 \"\" \"territorio \(HelpText.version)\" \"Manual de territorio\"",
            // Ragged right, no hyphenation: an option cut in two («--con‐ servar») could not be typed as read.
            ".nh",
            ".ad l",
            ".SH NOMBRE",
            "territorio \\- rutas y protocolos de atención y novedades, sin conexión",
            ".SH SINOPSIS",
            ".B territorio",
            "[\\fB\\-\\-datos\\fR \\fICARPETA\\fR] [\\fICOMANDO\\fR [\\fIOPCIONES\\fR]]",
            ".SH DESCRIPCIÓN",
            "Territorio responde, sin red, «¿a dónde envío a esta persona?» con el catálogo distrital de rutas y",
            "protocolos de atención de Bogotá, y redacta novedades con fotos que quedan en cola y se envían una sola",
            "vez cuando hay conexión.",
            ".PP",
            "Sin comando, en una terminal, abre la interfaz (F1 o ? muestra sus teclas); si la salida no es una",
            "terminal, imprime la ayuda. Con un comando, hace lo mismo desde la línea de órdenes.",
            ".SH COMANDOS",
        ]
        for spec in CommandSpec.all {
            lines += [".TP", bold(spec.name) + (spec.arguments.isEmpty ? "" : " " + italic(spec.arguments)), escape(spec.summary)]
            let options = spec.valueOptions.map { bold($0) + " " + italic(CommandSpec.placeholder(for: $0)) } + spec.flags.map(bold)
            if !options.isEmpty {
                lines += [".br", "Opciones: " + options.joined(separator: ", ") + "."]
            }
        }
        lines.append(".SH OPCIONES GLOBALES")
        lines.append("Se aceptan antes o después del comando.")
        for option in GlobalOptionSpec.all {
            let label = option.names.map(bold).joined(separator: ", ") + (option.argument.map { " " + italic($0) } ?? "")
            lines += [".TP", label, escape(option.summary.joined(separator: " "))]
        }
        lines += [
            ".PP",
            "Los valores de \\fB\\-\\-tema\\fR, \\fB\\-\\-entidad\\fR y \\fB\\-\\-localidad\\fR aceptan el id, el número,",
            "la sigla o el nombre, sin importar tildes ni mayúsculas (8, kennedy, «Ciudad Bolivar», IDIPRON).",
            "Los ids de novedades pueden darse como un prefijo único de 4 caracteres o más.",
            "\\fB\\-\\-json\\fR imprime JSON estable: los mismos datos guardados dan los mismos bytes; los avisos van",
            "a la salida de errores.",
            ".SH ESTADO DE SALIDA",
            ".TP", "0", "Bien (también «sin resultados»).",
            ".TP", "1", "Rechazado o fallido: datos, un valor de referencia desconocido, la red, una sincronización en curso.",
            ".TP", "2", "Uso incorrecto: comando u opción desconocidos, falta un argumento.",
            ".SH ENTORNO",
            ".TP", bold("TERRITORIO_DATOS"), "Carpeta de datos si no se da \\fB\\-\\-datos\\fR.",
            ".TP", bold("XDG_DATA_HOME"), "Si no hay otra, la carpeta de datos es \\fI$XDG_DATA_HOME/territorio\\fR.",
            ".TP", bold("TERRITORIO_RECURSOS"), "Otra carpeta donde buscar el catálogo de muestra y los sinónimos.",
            ".TP", bold("TERRITORIO_FOTOS"), "Carpeta donde abre el selector de fotos de la interfaz.",
            ".TP", bold("TERRITORIO_ADJUNTO_MAX_MIB") + ", " + bold("TERRITORIO_ADJUNTOS_MAX"),
            "Tamaño máximo de una foto (15 MiB) y número máximo de fotos por novedad (10).",
            ".TP", bold("VISUAL") + ", " + bold("EDITOR"), "Editor para la descripción (Ctrl\\-E en el formulario).",
            ".TP", bold("NO_COLOR"), "Pide el tema monocromo.",
            ".SH ARCHIVOS",
            ".TP", italic("~/.local/share/territorio/territorio.sqlite"),
            "La base de datos (catálogo, novedades, perfil); las fotos, en \\fIadjuntos/\\fR a su lado.",
            ".TP", italic("/usr/share/territorio/"),
            "El catálogo de muestra y los sinónimos de la búsqueda. El catálogo de muestra son \\fBdatos de muestra\\fR:",
            "el distrito debe validarlos antes de usarlos de verdad.",
            ".SH EJEMPLOS",
            ".EX",
            "territorio catalogo buscar habitante calle",
            "territorio catalogo buscar violencia \\-\\-localidad kennedy \\-\\-json",
            "territorio novedad crear \\-\\-tipo hueco \\-\\-localidad kennedy \\-\\-adjunto foto.jpg",
            "territorio sincronizar",
            ".EE",
            ".SH VÉASE TAMBIÉN",
            bold("territorio-servidor") + "(8)",
        ]
        return lines.joined(separator: "\n")
    }

    /// Text for a roff line: backslashes and hyphens escaped, a leading `.` or `'` made literal.
    static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    private static func bold(_ text: String) -> String { "\\fB" + escape(text) + "\\fR" }
    private static func italic(_ text: String) -> String { "\\fI" + escape(text) + "\\fR" }
}
