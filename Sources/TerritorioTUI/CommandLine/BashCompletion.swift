/// The bash completion script for `territorio`, written from the command and global option tables
/// (`territorio --generar-documento completado-bash`). It uses only bash's own `complete -F`,
/// `compgen` and `compopt`, so it works without the bash-completion package.
enum BashCompletion {
    static func script() -> String {
        let globals = GlobalOptionSpec.all
        let valueOptions = unique(globals.filter { $0.argument != nil }.flatMap(\.names) + CommandSpec.all.flatMap(\.valueOptions))
        let globalNames = globals.flatMap(\.names)
        var lines = [
            "# Completado de bash para territorio \(HelpText.version), generado de su tabla de comandos",
            "# (territorio --generar-documento completado-bash). No necesita el paquete bash-completion.",
            "_territorio() {",
            "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\"\" command=\"\" word i",
            "    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}",
            "    COMPREPLY=()",
            "    case $prev in",
        ]
        for option in globals where option.argument != nil {
            lines.append("        \(option.names.joined(separator: "|"))) \(reply(option.values)); return 0 ;;")
        }
        let fileOptions = unique(CommandSpec.all.flatMap(\.valueOptions).filter { CommandSpec.placeholder(for: $0) == "ARCHIVO" })
        if !fileOptions.isEmpty {
            lines.append("        \(fileOptions.joined(separator: "|"))) \(reply(.file)); return 0 ;;")
        }
        lines += [
            "        \(valueOptions.joined(separator: "|"))) return 0 ;;",
            "    esac",
            "    # The command's words typed so far: options and the values they take are skipped.",
            "    for (( i = 1; i < COMP_CWORD; i++ )); do",
            "        word=${COMP_WORDS[i]}",
            "        case $word in",
            "            \(valueOptions.joined(separator: "|"))) (( i++ )) ;;",
            "            -*) ;;",
            "            *) command+=\"${command:+ }$word\" ;;",
            "        esac",
            "    done",
            "    case $command in",
            "        \"\") \(reply(cur: globalNames, else: .words(unique(CommandSpec.all.map(\.words[0]))))) ;;",
        ]
        let groups = unique(CommandSpec.all.filter { $0.words.count > 1 }.map(\.words[0]))
        for group in groups {
            let subcommands = CommandSpec.all.filter { $0.words.count > 1 && $0.words[0] == group }.map(\.words[1])
            lines.append("        \(group)) \(reply(cur: globalNames, else: .words(subcommands))) ;;")
        }
        for spec in CommandSpec.all {
            let options = spec.valueOptions + spec.flags + globalNames
            lines.append("        \"\(spec.name)\"|\"\(spec.name) \"*) \(reply(cur: options, else: positional(spec))) ;;")
        }
        lines += [
            "    esac",
            "    return 0",
            "}",
            "complete -F _territorio territorio",
        ]
        return lines.joined(separator: "\n")
    }

    /// What a spec's positional arguments complete to: files for `ARCHIVO`, the choices of
    /// `[a|b|c]`, nothing for free text and ids.
    private static func positional(_ spec: CommandSpec) -> GlobalOptionSpec.ValueCompletion {
        if spec.arguments.split(separator: " ").contains("ARCHIVO") { return .file }
        if spec.arguments.hasPrefix("["), spec.arguments.hasSuffix("]"), spec.arguments.contains("|") {
            return .words(spec.arguments.dropFirst().dropLast().split(separator: "|").map(String.init))
        }
        return .none
    }

    /// Options when the word being completed starts with `-`, else `otherwise`.
    private static func reply(cur options: [String], else otherwise: GlobalOptionSpec.ValueCompletion) -> String {
        "if [[ $cur == -* ]]; then \(reply(.words(options))); else \(reply(otherwise)); fi"
    }

    private static func reply(_ completion: GlobalOptionSpec.ValueCompletion) -> String {
        switch completion {
        case .none: ":"
        case .directory: "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))"
        case .file: "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))"
        case .words(let words): "COMPREPLY=($(compgen -W '\(words.joined(separator: " "))' -- \"$cur\"))"
        }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
