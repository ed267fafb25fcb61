import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// The real `territorio` binary, run as a process against a real SQLite file.
@Suite("Command line")
struct CLITests {
    let cli: CLI

    init() throws { cli = try CLI() }

    /// A CLI whose catalogue is the small fixture.
    private func importFixture() throws {
        let run = try cli.run(["catalogo", "importar", CLI.fixtureCatalogue])
        try #require(run.status == 0, "\(run.stderr)")
    }

    private func json(_ run: Run) throws -> JSONValue {
        try JSONParser.parse(run.stdout)
    }

    // MARK: - Exit codes

    @Test("--version, --help and no command exit 0 and print to stdout")
    func helpAndVersion() throws {
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("territorio "))
        for arguments in [["--help"], [], ["catalogo", "buscar", "--help"]] {
            let help = try cli.run(arguments)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Uso: territorio"))
        }
    }

    @Test("--version names the program, the SQLite loaded and the catalogue in use in the data directory")
    func versionReport() throws {
        let sample = try cli.run(["--version"])
        #expect(sample.status == 0, "\(sample.stderr)")
        #expect(sample.stdout.split(separator: "\n") == [
            "territorio \(HelpText.version)", "SQLite \(Database.libraryVersion)",
            "catálogo 2026.12-muestra del 2026-12-06 (datos de muestra)",
        ])
        try importFixture()
        let imported = try cli.run(["catalogo", "listar", "--version"])
        #expect(imported.status == 0)
        #expect(imported.stdout.split(separator: "\n").last == "catálogo prueba-1 del 2026-11-01")
    }

    @Test("usage errors exit 2 with a Spanish message on stderr and nothing on stdout", arguments: [
        ["catalogo", "borrar"], ["noticias"], ["catalogo", "buscar"], ["catalogo", "ver"],
        ["catalogo", "listar", "--nada"], ["--colores", "rosado"], ["catalogo", "buscar", "x", "--limite", "mil"],
        ["referencias", "barrios"],
    ])
    func usageErrors(arguments: [String]) throws {
        let run = try cli.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test("refusals exit 1 with the reason on stderr")
    func refusals() throws {
        try importFixture()
        let unknownRoute = try cli.run(["catalogo", "ver", "no-existe"])
        #expect(unknownRoute.status == 1)
        #expect(unknownRoute.stderr.contains("No hay una ruta con id «no-existe»"))

        let unknownLocalidad = try cli.run(["catalogo", "listar", "--localidad", "kenedy"])
        #expect(unknownLocalidad.status == 1)
        #expect(unknownLocalidad.stderr.contains("¿Quiso decir: 8 Kennedy?"))

        let ambiguous = try cli.run(["catalogo", "buscar", "x", "--localidad", "san"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("Santa Fe") && ambiguous.stderr.contains("San Cristóbal"))

        let missingFile = try cli.run(["catalogo", "importar", cli.folder.path + "/no-hay.json"])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr.contains("No se pudo leer"))
    }

    @Test("no results is success")
    func noResults() throws {
        try importFixture()
        let run = try cli.run(["catalogo", "buscar", "zzzzzz"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Sin resultados"))
    }

    // MARK: - Reference values

    @Test("reference options take id, number, acronym or name, without accents or case", arguments: [
        ("--localidad", "8"), ("--localidad", "kennedy"), ("--localidad", "KENNEDY"), ("--localidad", "santa fe"),
        ("--entidad", "idipron"), ("--entidad", "IDIPRON"), ("--entidad", "Instituto Distrital para la Proteccion de la Ninez y la Juventud"),
        ("--tema", "habitabilidad-calle"), ("--tema", "habitabilidad en calle"),
    ])
    func referenceValues(option: String, value: String) throws {
        try importFixture()
        let run = try cli.run(["catalogo", "listar", option, value, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try #require(try json(run).arrayOfIds)
        #expect(ids.contains("habitante-calle-joven"))
    }

    @Test("a localidad filter keeps the routes that apply everywhere")
    func localidadFilter() throws {
        try importFixture()
        let run = try cli.run(["catalogo", "listar", "--localidad", "Ciudad Bolivar", "--json"])
        #expect(try json(run).arrayOfIds == ["violencia-mujer-peligro", "riesgo-suicida"])
    }

    // MARK: - JSON

    @Test("catalogo buscar --json has the documented shape")
    func searchShape() throws {
        try importFixture()
        let run = try cli.run(["catalogo", "buscar", "violencia", "--json"])
        #expect(run.status == 0)
        let value = try json(run)
        #expect(value["consulta"] == .string("violencia"))
        #expect(value["corregida"] == .null)
        guard case .array(let results)? = value["resultados"], let first = results.first else {
            Issue.record("resultados is not a non-empty array: \(run.stdout)")
            return
        }
        #expect(first["id"] == .string("violencia-mujer-peligro"))
        #expect(first["titulo"] != nil)
    }

    @Test("catalogo ver --json prints the whole route")
    func showShape() throws {
        try importFixture()
        let value = try json(try cli.run(["catalogo", "ver", "riesgo-suicida", "--json"]))
        #expect(value["id"] == .string("riesgo-suicida"))
        #expect(value["titulo"] == .string("Riesgo suicida inminente"))
        guard case .array(let steps)? = value["pasos"], case .array(let channels)? = value["canales"] else {
            Issue.record("pasos/canales missing")
            return
        }
        #expect(steps.count == 2)
        #expect(channels.first?["corte"] == .string("2025-09-11"))
        #expect(channels.first?["por_confirmar"] == .bool(false))
    }

    @Test("list commands print a top-level array")
    func listShapes() throws {
        try importFixture()
        #expect(try json(try cli.run(["catalogo", "listar", "--json"])).arrayOfIds?.count == 3)
        let all = try json(try cli.run(["referencias", "--json"]))
        guard case .array(let items) = all else {
            Issue.record("not an array")
            return
        }
        #expect(items.contains { $0["lista"] == .string("localidades") && $0["numero"] == .integer(8) })
        let entities = try json(try cli.run(["referencias", "entidades", "--json"]))
        #expect(entities.arrayOfIds == ["sdmujer", "idipron", "sdis", "sds"])
    }

    @Test("two --json calls with nothing changed print identical bytes", arguments: [
        ["catalogo", "buscar", "linea", "--json"], ["catalogo", "ver", "violencia-mujer-peligro", "--json"],
        ["catalogo", "listar", "--json"], ["referencias", "--json"],
    ])
    func stableJSON(arguments: [String]) throws {
        let first = try cli.run(arguments)  // also loads the sample: its notice must stay on stderr
        let second = try cli.run(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect((try? JSONParser.parse(first.stdout)) != nil)
    }

    // MARK: - Search input is only text

    @Test("hostile queries are just text", arguments: [
        "\"", "*", "AND", "OR OR", "NEAR(", "'; DROP TABLE rutas; --", String(repeating: "violencia ", count: 1_000),
        "\u{01}\u{07}\u{1B}[2J", "()", "^", "-", "\"violencia\" OR \"*\"",
    ])
    func hostileQueries(query: String) throws {
        try importFixture()
        let run = try cli.run(["catalogo", "buscar", "--json", "--", query])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("fts5") && !run.stderr.contains("SQL"))
        #expect((try? JSONParser.parse(run.stdout)) != nil)
        #expect(try json(try cli.run(["catalogo", "listar", "--json"])).arrayOfIds?.count == 3)
    }

    // MARK: - Import

    @Test("a broken import changes nothing and names the place of the error")
    func brokenImport() throws {
        try importFixture()
        let before = try cli.run(["catalogo", "listar", "--json"]).stdout
        let broken = cli.folder.path + "/roto.json"
        let text = try String(contentsOfFile: CLI.fixtureCatalogue, encoding: .utf8)
            .replacingOccurrences(of: "\"titulo\": \"Riesgo suicida inminente\",", with: "")
        try text.write(toFile: broken, atomically: true, encoding: .utf8)
        let run = try cli.run(["catalogo", "importar", broken])
        #expect(run.status == 1)
        #expect(run.stderr.contains("rutas[2].titulo"))
        #expect(run.stderr.contains("no cambió"))
        #expect(try cli.run(["catalogo", "listar", "--json"]).stdout == before)
    }

    @Test("a catalogue key carrying control sequences is named in the error with them made visible")
    func hostileKeyInImport() throws {
        let hostile = cli.folder.path + "/hostil.json"
        let text = try String(contentsOfFile: CLI.fixtureCatalogue, encoding: .utf8)
            .replacingOccurrences(of: "\"titulo\": \"Riesgo suicida inminente\",",
                                  with: "\"titulo\": \"Riesgo suicida inminente\", \"\\u001b]2;hola\\u0007\\u001b[2J\\u009b\\u202e\": 1,")
        try text.write(toFile: hostile, atomically: true, encoding: .utf8)
        let run = try cli.run(["catalogo", "importar", hostile])
        #expect(run.status == 1)
        #expect(run.stderr.contains("␛]2;hola␇␛[2J‹U+009B›‹U+202E›"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
    }

    @Test("an import replaces the sample loaded on first start")
    func importReplacesSample() throws {
        let first = try cli.run(["catalogo", "listar"])
        #expect(first.stderr.contains("catálogo de muestra"))
        #expect(first.stderr.contains(CatalogueInfo.sampleWarning))
        let run = try cli.run(["catalogo", "importar", CLI.fixtureCatalogue])
        #expect(run.stdout.contains("importado: 3 rutas"))
        #expect(run.stdout.contains("Reemplaza"))
        let after = try cli.run(["catalogo", "listar"])
        #expect(!after.stderr.contains(CatalogueInfo.sampleWarning))
    }

    // MARK: - Data directory

    @Test("the data directory is 0700 and the database 0600")
    func fileModes() throws {
        _ = try cli.run(["catalogo", "listar"])
        let directory = try FileManager.default.attributesOfItem(atPath: cli.dataDirectory)
        let database = try FileManager.default.attributesOfItem(atPath: cli.dataDirectory + "/territorio.sqlite")
        #expect((directory[.posixPermissions] as? Int) == 0o700)
        #expect((database[.posixPermissions] as? Int) == 0o600)
    }

    @Test("without --datos, TERRITORIO_DATOS then XDG_DATA_HOME choose the directory")
    func dataDirectoryFromEnvironment() throws {
        var explicit = cli
        explicit.environment["TERRITORIO_DATOS"] = cli.folder.path + "/desde-variable"
        explicit.environment["XDG_DATA_HOME"] = cli.folder.path + "/xdg"
        #expect(try explicit.run(["catalogo", "listar"], withDataOption: false).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.path + "/desde-variable/territorio.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.path + "/xdg"))

        var xdg = cli
        xdg.environment["XDG_DATA_HOME"] = cli.folder.path + "/xdg"
        #expect(try xdg.run(["catalogo", "listar"], withDataOption: false).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.path + "/xdg/territorio/territorio.sqlite"))
    }
}

extension JSONValue {
    /// The `id` of each object of a top-level array.
    var arrayOfIds: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } }
    }
}
