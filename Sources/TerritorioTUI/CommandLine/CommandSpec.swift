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
        CommandSpec(words: ["catalogo", "revisar"], arguments: "[ARCHIVO]", positionalCount: 0...1,
                    valueOptions: ["--meses"], flags: ["--json", "--estricto"],
                    summary: "Revisa un catálogo (el que está en uso o un archivo): fuentes viejas o sin fecha, canales por confirmar, rutas sin canal, fuente o base legal, un número con dos nombres, localidades sin ruta de un tema, fuentes citadas que no existen. Con --estricto sale con 1 si encuentra algo."),
        CommandSpec(words: ["referencias"], arguments: "[localidades|entidades|temas|tipos|urgencias|poblaciones]",
                    positionalCount: 0...1, valueOptions: [], flags: ["--json"],
                    summary: "Lista los valores válidos de localidades, entidades, temas, tipos, urgencias y poblaciones."),
        CommandSpec(words: ["novedad", "crear"], arguments: "", positionalCount: 0...0,
                    valueOptions: ["--tipo", "--localidad", "--descripcion", "--entidad", "--barrio", "--direccion", "--coordenadas", "--urgencia", "--poblacion", "--ruta", "--adjunto", "--observada", "--contacto-nombre", "--contacto-telefono", "--consentimiento"],
                    flags: ["--contacto-sensible", "--contacto-menor", "--conservar-ubicacion", "--encolar", "--json"],
                    summary: "Crea un borrador de novedad (incompleto si hace falta); con --encolar, lo valida y lo pone en cola."),
        CommandSpec(words: ["novedad", "editar"], arguments: "ID", positionalCount: 1...1,
                    valueOptions: ["--tipo", "--localidad", "--descripcion", "--entidad", "--barrio", "--direccion", "--coordenadas", "--urgencia", "--poblacion", "--ruta", "--adjunto", "--observada", "--contacto-nombre", "--contacto-telefono", "--consentimiento"],
                    flags: ["--contacto-sensible", "--contacto-menor", "--conservar-ubicacion", "--encolar", "--json"],
                    summary: "Cambia campos de un borrador (un valor vacío \"\" borra el campo)."),
        CommandSpec(words: ["novedad", "ver"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: ["--json"],
                    summary: "Muestra una novedad: campos, fotos, estado e intentos de envío."),
        CommandSpec(words: ["novedad", "adjuntar"], arguments: "ID ARCHIVO", positionalCount: 2...2, valueOptions: [],
                    flags: ["--conservar-ubicacion", "--json"],
                    summary: "Adjunta una foto (JPEG, PNG, WebP, HEIC o AVIF) a un borrador, sin su ubicación GPS."),
        CommandSpec(words: ["novedad", "quitar-adjunto"], arguments: "ID SHA-PREFIJO", positionalCount: 2...2, valueOptions: [],
                    flags: ["--json"], summary: "Quita una foto de un borrador."),
        CommandSpec(words: ["novedad", "encolar"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: ["--json"],
                    summary: "Valida un borrador y lo deja en cola para enviar; desde ahí sus datos quedan fijos."),
        CommandSpec(words: ["novedad", "desencolar"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: ["--json"],
                    summary: "Devuelve a borrador una novedad en cola que nunca se intentó enviar."),
        CommandSpec(words: ["novedad", "corregir"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: ["--json"],
                    summary: "Crea un borrador nuevo con los datos de una novedad rechazada."),
        CommandSpec(words: ["novedad", "borrar"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: [],
                    summary: "Lleva un borrador a la papelera (se guarda 30 días; «novedad restaurar» lo trae de vuelta)."),
        CommandSpec(words: ["novedad", "restaurar"], arguments: "ID", positionalCount: 1...1, valueOptions: [], flags: ["--json"],
                    summary: "Trae de vuelta un borrador de la papelera."),
        CommandSpec(words: ["novedad", "tipos"], arguments: "", positionalCount: 0...0, valueOptions: [], flags: ["--json"],
                    summary: "Lista los tipos de novedad con su entidad competente habitual."),
        CommandSpec(words: ["novedades"], arguments: "", positionalCount: 0...0, valueOptions: ["--estado"],
                    flags: ["--papelera", "--json"],
                    summary: "Lista las novedades (borrador, en_cola, enviando, enviada, rechazada); con --papelera, los borradores borrados."),
        CommandSpec(words: ["perfil"], arguments: "", positionalCount: 0...0,
                    valueOptions: ["--nombre", "--entidad", "--documento", "--servidor", "--token", "--accesible"],
                    flags: ["--permitir-http", "--json"],
                    summary: "Muestra o cambia el perfil del gestor (autor de las novedades) y su servidor y token."),
        CommandSpec(words: ["sincronizar"], arguments: "", positionalCount: 0...0, valueOptions: ["--servidor"],
                    flags: ["--permitir-http", "--json"],
                    summary: "Envía las novedades en cola y trae estados y cambios del catálogo (ahora, sin esperar reintentos)."),
        CommandSpec(words: ["purgar"], arguments: "", positionalCount: 0...0, valueOptions: ["--dias"], flags: [],
                    summary: "Borra fotos y datos de contacto de novedades enviadas o rechazadas hace más de N días (30 por omisión)."),
    ]
}
