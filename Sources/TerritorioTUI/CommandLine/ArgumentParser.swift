import Foundation

/// Our small argument parser: Spanish subcommands from `CommandSpec.all`, options as `--x v` or
/// `--x=v`, global options anywhere, `--` to end options.
enum ArgumentParser {
    /// The yes/no values of `perfil --accesible`; the global `--accesible` is a flag.
    static let yesNo = ["si", "sí", "no"]

    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        if arguments.first == GeneratedDocument.option {
            guard arguments.count == 2, let document = GeneratedDocument(rawValue: arguments[1]) else {
                throw UsageError(message: "\(GeneratedDocument.option) necesita uno de: \(GeneratedDocument.allCases.map(\.rawValue).joined(separator: ", ")).", usage: nil)
            }
            return .document(document)
        }
        var global = GlobalOptions()
        var rest: [String] = []
        var wantsHelp = false
        var wantsVersion = false

        // Pass 1: global options and help/version, wherever they are (until `--`).
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            let (name, inlineValue) = split(argument)
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch GlobalOptionSpec.named(name)?.meaning {
            case .help:
                wantsHelp = true
            case .version:
                wantsVersion = true
            // With a value (`perfil --accesible si`) it is the profile's own option, not this flag.
            case .accessible where inlineValue == nil && !(next.map(yesNo.contains) ?? false):
                global.accessible = true
            case .dataDirectory:
                let value = try optionValue(name, inlineValue, arguments, &index)
                guard !value.isEmpty else { throw UsageError(message: "\(name) necesita una carpeta.", usage: nil) }
                global.dataDirectory = value
            case .colors:
                let value = try optionValue(name, inlineValue, arguments, &index)
                guard let mode = ColorMode(rawValue: value) else {
                    throw UsageError(message: "«\(value)» no es un tema de colores; use \(ColorMode.allCases.map(\.rawValue).joined(separator: ", ")).", usage: nil)
                }
                global.colors = mode
            case .accessible, nil:
                rest.append(argument)
            }
            index += 1
        }

        if rest.first == "ayuda" {
            wantsHelp = true
            rest.removeFirst()
        }
        let spec = CommandSpec.all.filter { rest.starts(with: $0.words) }.max { $0.words.count < $1.words.count }
        if wantsHelp { return .help(spec) }
        if wantsVersion { return .version(global) }
        guard let first = rest.first else { return .interface(global) }
        guard let spec else {
            let known = Set(CommandSpec.all.map(\.words[0]))
            if known.contains(first) {
                let options = CommandSpec.all.filter { $0.words[0] == first }.map { $0.words[1] }
                let sub = rest.count > 1 ? "«\(rest[1])» no es un subcomando de «\(first)»" : "Falta el subcomando de «\(first)»"
                throw UsageError(message: "\(sub); use uno de: \(options.joined(separator: ", ")).", usage: nil)
            }
            throw UsageError(message: "«\(first)» no es un comando de territorio.", usage: nil)
        }
        return .run(try parseCommand(spec, Array(rest.dropFirst(spec.words.count)), global: global))
    }

    private static func parseCommand(_ spec: CommandSpec, _ arguments: [String], global: GlobalOptions) throws(UsageError) -> ParsedCommand {
        var positionals: [String] = []
        var values: [String: [String]] = [:]
        var flags = Set<String>()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (name, inlineValue) = split(argument)
            if spec.flags.contains(name) {
                guard inlineValue == nil else { throw UsageError(message: "\(name) no lleva valor.", usage: spec.usage) }
                flags.insert(name)
            } else if spec.valueOptions.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else { throw UsageError(message: "Falta el valor de \(name).", usage: spec.usage) }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                throw UsageError(message: "«\(name)» no es una opción de «territorio \(spec.name)».", usage: spec.usage)
            }
        }
        guard spec.positionalCount.contains(positionals.count) else {
            let message = positionals.count < spec.positionalCount.lowerBound
                ? "Falta el argumento \(spec.arguments.split(separator: " ").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]…")) } ?? "")."
                : "Sobran argumentos: \(positionals.dropFirst(spec.positionalCount.upperBound).joined(separator: " "))."
            throw UsageError(message: message, usage: spec.usage)
        }
        return ParsedCommand(spec: spec, positionals: positionals, values: values, flags: flags, global: global)
    }

    /// A global option's value: the one after `=`, else the next argument (`index` moves past it).
    private static func optionValue(_ name: String, _ inlineValue: String?, _ arguments: [String],
                                    _ index: inout Int) throws(UsageError) -> String {
        if let inlineValue { return inlineValue }
        guard index + 1 < arguments.count else { throw UsageError(message: "Falta el valor de \(name).", usage: nil) }
        index += 1
        return arguments[index]
    }

    /// `--tema=salud` → (`--tema`, `salud`); `--json` → (`--json`, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
