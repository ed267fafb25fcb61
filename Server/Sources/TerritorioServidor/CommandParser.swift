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
    /// `token crear`, `token listar`, `token revocar`.
    private static func token(_ words: [String], subcommand: String?) throws -> Command {
        switch subcommand {
        case "crear":
            let arguments = try Arguments(words, options: ["--gestor", "--nombre"], usage: Usage.createToken)
            try arguments.expectPositionals(0)
            guard let gestor = arguments.options["--gestor"] else {
                throw UsageError(message: "Falta --gestor ID.", usage: Usage.createToken)
            }
            return .createToken(gestor: gestor, name: arguments.options["--nombre"])
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

    func expectPositionals(_ count: Int) throws {
        guard positionals.count == count else {
            throw UsageError(message: positionals.count > count ? "Sobran argumentos: \(positionals.dropFirst(count).joined(separator: " "))." : "Faltan argumentos.",
                             usage: usage)
        }
    }
}
