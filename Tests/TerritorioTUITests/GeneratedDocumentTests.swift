import Foundation
import Testing
@testable import TerritorioTUI
import TerritorioTestSupport

/// The man page and the bash completion that `scripts/paquetes` installs, both written from the
/// command tables: the completion is run by a real bash the way bash runs it on Tab.
@Suite("Generated man page and completion")
struct GeneratedDocumentTests {
    /// What bash offers for the words typed so far; the last word is the one being completed.
    private func complete(_ words: [String]) throws -> [String] {
        let folder = try TemporaryFolder()
        let script = folder.path + "/territorio"
        try BashCompletion.script().write(toFile: script, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let run = try CLI.execute("/bin/bash", ["--norc", "--noprofile", "-c", """
            source "$1"
            COMP_WORDS=(territorio \(quoted)); COMP_CWORD=\(words.count)
            _territorio
            printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", script], environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path], currentDirectory: folder.path)
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        return run.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test("Tab completes commands, subcommands, options and their values from the tables")
    func completion() throws {
        #expect(try complete(["cat"]) == ["catalogo"])
        #expect(try complete(["catalogo", ""]) == ["buscar", "importar", "listar", "revisar", "ver"])
        #expect(try complete(["--datos", "/tmp", "nov"]) == ["novedad", "novedades"])
        #expect(try complete(["catalogo", "buscar", "violencia", "--l"]) == ["--limite", "--localidad"])
        #expect(try complete(["--colores", "a"]) == ["alto-contraste"])
        #expect(try complete(["referencias", "lo"]) == ["localidades"])
        #expect(try complete(["novedad", "crear", "--tipo", "hueco", "--enc"]) == ["--encolar"])
        #expect(try complete(["novedad", "crear", "--tipo", ""]) == [])
        #expect(try complete(["--ver"]) == ["--version"])
    }

    @Test("every command of the table is reachable by completion and named in the man page")
    func everyCommand() throws {
        let manual = ManualPage.text()
        for spec in CommandSpec.all {
            for depth in spec.words.indices {
                #expect(try complete(Array(spec.words[..<depth]) + [""]).contains(spec.words[depth]), "\(spec.name)")
            }
            #expect(manual.contains("\\fB" + ManualPage.escape(spec.name) + "\\fR"), "\(spec.name)")
            for option in spec.valueOptions + spec.flags {
                #expect(manual.contains(ManualPage.escape(option)), "\(spec.name) \(option)")
            }
        }
        for option in GlobalOptionSpec.all.flatMap(\.names) {
            #expect(manual.contains(ManualPage.escape(option)), "\(option)")
        }
    }

    @Test("the man page is roff: no line a macro by accident, hyphens escaped, the version in its header")
    func manualPage() {
        let lines = ManualPage.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == ".TH TERRITORIO 1 \"\" \"territorio \(HelpText.version)\" \"Manual de territorio\"")
        let macros: Set<Substring> = [".TH", ".nh", ".ad", ".SH", ".TP", ".PP", ".br", ".B", ".EX", ".EE"]
        for line in lines where line.hasPrefix(".") {
            #expect(macros.contains(line.split(separator: " ").first ?? ""), "\(line)")
        }
        #expect(ManualPage.escape(".ver --json") == "\\&.ver \\-\\-json")
    }

    @Test("--generar-documento prints the document; a wrong kind is a usage error")
    func documentOption() throws {
        #expect(try ArgumentParser.parse(["--generar-documento", "man"]) == .document(.man))
        #expect(try ArgumentParser.parse(["--generar-documento", "completado-bash"]) == .document(.bashCompletion))
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["--generar-documento", "zsh"]) }
        let run = try CLI().run(["--generar-documento", "completado-bash"], withDataOption: false)
        #expect(run.status == 0)
        #expect(run.stdout == BashCompletion.script() + "\n")
    }
}
