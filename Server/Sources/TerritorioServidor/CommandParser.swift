import TerritorioServidorCore

/// Turns the words after the program name into a `Command`. Options take one value
/// (`--puerto 8080`); anything unknown, missing or repeated is a `UsageError`.
enum CommandParser {
    static func parse(_ words: [String]) throws -> Command {
        guard let first = words.first else { return .help }
        let rest = Array(words.dropFirst())
        switch first {
        case "ayuda", "--ayuda", "-h", "--help":
            return .help
        case "servir":
            let arguments = try Arguments(rest, options: ["--puerto", "--escuchar-en"], usage: Usage.serve)
            try arguments.expectPositionals(0)
            let portText = arguments.options["--puerto"] ?? "8080"
            guard let port = Int(portText), (0...65_535).contains(port) else {
                throw UsageError(message: "--puerto debe ser un número de 0 a 65535.", usage: Usage.serve)
            }
            return .serve(host: arguments.options["--escuchar-en"] ?? "127.0.0.1", port: port)
        case "token":
            return try token(Array(rest.dropFirst()), subcommand: rest.first)
        case "catalogo":
            guard rest.first == "publicar" else {
                throw UsageError(message: "Use «catalogo publicar ARCHIVO».", usage: Usage.publishCatalogue)
            }
            let arguments = try Arguments(Array(rest.dropFirst()), options: [], usage: Usage.publishCatalogue)
            try arguments.expectPositionals(1)
            return .publishCatalogue(path: arguments.positionals[0])
        case "mantenimiento":
            try Arguments(rest, options: [], usage: Usage.maintenance).expectPositionals(0)
            return .maintenance
        case "titular":
            return try titular(Array(rest.dropFirst()), subcommand: rest.first)
        case "purgar":
            let arguments = try Arguments(rest, options: ["--dias", "--dias-abiertas"], usage: Usage.purge)
            try arguments.expectPositionals(0)
            return .purge(closedDays: try days(arguments, "--dias", usage: Usage.purge),
                          openDays: try days(arguments, "--dias-abiertas", usage: Usage.purge))
        case "migrar-adjuntos":
            try Arguments(rest, options: [], usage: Usage.migrateAttachments).expectPositionals(0)
            return .migrateAttachments
        case "novedad":
            switch rest.first {
            case "listar":
                let arguments = try Arguments(Array(rest.dropFirst()), options: [], flags: ["--json"], usage: Usage.listNovedades)
                try arguments.expectPositionals(0)
                return .listNovedades(json: arguments.flags.contains("--json"))
            case "estado":
                let arguments = try Arguments(Array(rest.dropFirst()), options: ["--nota"], usage: Usage.setStatus)
                try arguments.expectPositionals(2)
                return .setStatus(radicado: arguments.positionals[0], estado: arguments.positionals[1], nota: arguments.options["--nota"])
            default:
                throw UsageError(message: "Use «novedad listar» o «novedad estado».", usage: Usage.listNovedades + "\n     " + Usage.setStatus)
            }
        default:
            throw UsageError(message: "Orden desconocida: «\(first)».", usage: Usage.all.joined(separator: "\n     "))
        }
    }
}

extension CommandParser {
    /// `titular consultar`, `titular suprimir`.
    private static func titular(_ words: [String], subcommand: String?) throws -> Command {
        switch subcommand {
        case "consultar":
            let arguments = try Arguments(words, options: ["--telefono", "--nombre"], flags: ["--json"], usage: Usage.findTitular)
            try arguments.expectPositionals(0)
            let json = arguments.flags.contains("--json")
            switch (arguments.options["--telefono"], arguments.options["--nombre"]) {
            case (let phone?, nil):
                guard TitularContact.digits(phone).count >= 7 else {
                    throw UsageError(message: "--telefono debe tener al menos 7 dígitos.", usage: Usage.findTitular)
                }
                return .findTitular(.phone(phone), json: json)
            case (nil, let name?):
                guard !TitularContact.folded(name).isEmpty else {
                    throw UsageError(message: "--nombre debe tener al menos una palabra.", usage: Usage.findTitular)
                }
                return .findTitular(.name(name), json: json)
            default:
                throw UsageError(message: "Dé --telefono o --nombre, uno de los dos.", usage: Usage.findTitular)
            }
        case "suprimir":
            let arguments = try Arguments(words, options: ["--radicado", "--motivo"], flags: ["--fotos"], usage: Usage.suppressTitular)
            try arguments.expectPositionals(0)
            return .suppressTitular(radicado: try arguments.required("--radicado", "RADICADO"), reason: arguments.options["--motivo"],
                                    photos: arguments.flags.contains("--fotos"))
        default:
            throw UsageError(message: "Use «titular consultar» o «titular suprimir».", usage: Usage.titular)
        }
    }

    /// A number of days given to `option`, or nil when it was not.
    private static func days(_ arguments: Arguments, _ option: String, usage: String) throws -> Int? {
        guard let text = arguments.options[option] else { return nil }
        guard let days = Int(text), RetentionSettings.allowedDays.contains(days) else {
            throw UsageError(message: "\(option) debe ser un número entero de días entre \(RetentionSettings.allowedDays.lowerBound) y \(RetentionSettings.allowedDays.upperBound).",
                             usage: usage)
        }
        return days
    }

    /// `token crear`, `token listar`, `token revocar`.
    private static func token(_ words: [String], subcommand: String?) throws -> Command {
        switch subcommand {
        case "crear":
            let arguments = try Arguments(words, options: ["--gestor", "--nombre"], usage: Usage.createToken)
            try arguments.expectPositionals(0)
            return .createToken(gestor: try arguments.required("--gestor", "ID"), name: arguments.options["--nombre"])
        case "listar":
            let arguments = try Arguments(words, options: ["--gestor"], usage: Usage.listTokens)
            try arguments.expectPositionals(0)
            return .listTokens(gestor: arguments.options["--gestor"])
        case "revocar":
            let arguments = try Arguments(words, options: ["--gestor", "--token-id"], usage: Usage.revokeToken)
            try arguments.expectPositionals(0)
            switch (arguments.options["--gestor"], arguments.options["--token-id"]) {
            case (let gestor?, nil):
                return .revokeTokens(gestor: gestor)
            case (nil, let text?):
                guard let id = Int64(text), id > 0 else {
                    throw UsageError(message: "--token-id debe ser el número que muestra «token listar».", usage: Usage.revokeToken)
                }
                return .revokeToken(id: id)
            default:
                throw UsageError(message: "Dé --gestor ID (todos sus dispositivos) o --token-id N (uno), no ambos.", usage: Usage.revokeToken)
            }
        default:
            throw UsageError(message: "Use «token crear», «token listar» o «token revocar».", usage: Usage.tokens)
        }
    }
}

/// The words of one command split into positionals, options with a value and flags.
private struct Arguments {
    private(set) var positionals: [String] = []
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    let usage: String

    init(_ words: [String], options allowedOptions: Set<String>, flags allowedFlags: Set<String> = [], usage: String) throws {
        self.usage = usage
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            if allowedFlags.contains(word) {
                flags.insert(word)
            } else if allowedOptions.contains(word) {
                guard let value = iterator.next() else { throw UsageError(message: "Falta el valor de \(word).", usage: usage) }
                guard options.updateValue(value, forKey: word) == nil else {
                    throw UsageError(message: "\(word) está repetida.", usage: usage)
                }
            } else if word.hasPrefix("--") {
                throw UsageError(message: "Opción desconocida: \(word).", usage: usage)
            } else {
                positionals.append(word)
            }
        }
    }

    /// The value of an option the command cannot go without (`placeholder` names it in the message).
    func required(_ option: String, _ placeholder: String) throws -> String {
        guard let value = options[option] else { throw UsageError(message: "Falta \(option) \(placeholder).", usage: usage) }
        return value
    }

    func expectPositionals(_ count: Int) throws {
        guard positionals.count == count else {
            throw UsageError(message: positionals.count > count ? "Sobran argumentos: \(positionals.dropFirst(count).joined(separator: " "))." : "Faltan argumentos.",
                             usage: usage)
        }
    }
}
