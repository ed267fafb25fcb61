import Testing
@testable import TerritorioTUI

@Suite("Argument parser")
struct ArgumentParserTests {
    private func command(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try ArgumentParser.parse(arguments) else {
            Issue.record("expected a command for \(arguments)")
            throw UsageError(message: "", usage: nil)
        }
        return command
    }

    @Test("no arguments ask for the interface; --help, -h and ayuda ask for help")
    func help() throws {
        #expect(try ArgumentParser.parse([]) == .interface(GlobalOptions()))
        #expect(try ArgumentParser.parse(["--help"]) == .help(nil))
        #expect(try ArgumentParser.parse(["-h"]) == .help(nil))
        #expect(try ArgumentParser.parse(["ayuda"]) == .help(nil))
        let spec = CommandSpec.all.first { $0.name == "catalogo buscar" }
        #expect(try ArgumentParser.parse(["catalogo", "buscar", "--help"]) == .help(spec))
        #expect(try ArgumentParser.parse(["ayuda", "catalogo", "buscar"]) == .help(spec))
    }

    @Test("--version wins over a command")
    func version() throws {
        #expect(try ArgumentParser.parse(["--version"]) == .version(GlobalOptions()))
        #expect(try ArgumentParser.parse(["catalogo", "listar", "--version"]) == .version(GlobalOptions()))
    }

    @Test("global options are accepted before or after the subcommand, with a space or =")
    func globalOptions() throws {
        let before = try command(["--datos", "/tmp/a", "--colores", "mono", "catalogo", "listar"])
        let after = try command(["catalogo", "listar", "--datos=/tmp/a", "--colores=mono"])
        #expect(before.global == GlobalOptions(dataDirectory: "/tmp/a", colors: .mono))
        #expect(after.global == before.global)
    }

    @Test("--accesible is global, before or after the subcommand; with si or no it is perfil's option")
    func accessible() throws {
        #expect(try command(["--accesible", "catalogo", "listar"]).global.accessible)
        #expect(try command(["novedades", "--accesible"]).global.accessible)
        #expect(try !command(["novedades"]).global.accessible)
        let perfil = try command(["perfil", "--accesible", "si"])
        #expect(perfil.value("--accesible") == "si" && !perfil.global.accessible)
        #expect(try command(["perfil", "--accesible=no"]).value("--accesible") == "no")
        #expect(try ArgumentParser.parse(["--accesible"]) == .interface(GlobalOptions(accessible: true)))
        let options = GlobalOptions()
        #expect(options.isAccessible(environment: ["TERRITORIO_ACCESIBLE": "1"], profile: false))
        #expect(!options.isAccessible(environment: ["TERRITORIO_ACCESIBLE": "0"], profile: true))
        #expect(options.isAccessible(environment: [:], profile: true))
    }

    @Test("search words, value options and flags")
    func searchCommand() throws {
        let parsed = try command(["catalogo", "buscar", "habitante", "calle", "--tema", "salud", "--limite=5", "--json"])
        #expect(parsed.spec.name == "catalogo buscar")
        #expect(parsed.positionals == ["habitante", "calle"])
        #expect(parsed.value("--tema") == "salud")
        #expect(parsed.value("--limite") == "5")
        #expect(parsed.flag("--json"))
    }

    @Test("after -- everything is text, even option names")
    func doubleDash() throws {
        let parsed = try command(["catalogo", "buscar", "--", "--json", "-x"])
        #expect(parsed.positionals == ["--json", "-x"])
        #expect(!parsed.flag("--json"))
    }

    @Test("usage errors name the problem in Spanish", arguments: [
        (["catalogo"], "Falta el subcomando"),
        (["catalogo", "borrar"], "no es un subcomando"),
        (["noticias"], "no es un comando"),
        (["catalogo", "buscar"], "Falta el argumento TEXTO"),
        (["catalogo", "ver"], "Falta el argumento ID"),
        (["catalogo", "ver", "a", "b"], "Sobran argumentos"),
        (["catalogo", "buscar", "x", "--tema"], "Falta el valor de --tema"),
        (["catalogo", "buscar", "x", "--nada"], "no es una opción"),
        (["catalogo", "listar", "--json=si"], "no lleva valor"),
        (["--datos"], "Falta el valor de --datos"),
        (["--colores", "rosado", "catalogo", "listar"], "no es un tema de colores"),
    ])
    func usageErrors(arguments: [String], expected: String) {
        #expect {
            try ArgumentParser.parse(arguments)
        } throws: { error in
            (error as? UsageError)?.message.contains(expected) == true
        }
    }

    @Test("the tables name each command and each global option once: parsing and dispatch go by those names")
    func tablesNameEachOnce() {
        let commands = CommandSpec.all.map(\.name)
        #expect(Set(commands).count == commands.count)
        let options = GlobalOptionSpec.all.flatMap(\.names)
        #expect(Set(options).count == options.count)
        #expect(GlobalOptionSpec.named("-h")?.meaning == .help)
        #expect(GlobalOptionSpec.named("--tema") == nil)
    }

    @Test("every command's usage line lists its options")
    func usageLines() {
        let search = CommandSpec.all.first { $0.name == "catalogo buscar" }
        #expect(search?.usage == "territorio catalogo buscar TEXTO… [--tema T] [--entidad E] [--localidad L] [--limite N] [--json]")
    }
}
