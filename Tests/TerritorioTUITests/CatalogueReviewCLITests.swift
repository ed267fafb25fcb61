import Foundation
import Testing
import TerritorioModel
import TerritorioTestSupport

/// `territorio catalogo revisar` and the freshness of channels in `catalogo ver`, through the real
/// binary: the shipped sample, a file before import, and `--estricto`.
@Suite("catalogo revisar")
struct CatalogueReviewCLITests {
    let cli: CLI

    init() throws { cli = try CLI() }

    @Test("the shipped sample: only known findings, one summary line, exit 0; --estricto exits 1")
    func shippedSample() throws {
        let run = try cli.run(["catalogo", "revisar"])
        #expect(run.status == 0, "\(run.stderr)")
        let last = try #require(run.stdout.split(separator: "\n").last.map(String.init))
        #expect(last.hasPrefix("Revisión del catálogo 2026.12-muestra: sin problemas; conocidos: "), "\(last)")
        #expect(run.stdout.contains("verificar vigencia (fuente de 2021)"))
        #expect(run.stdout.contains("verificar vigencia (fuente sin fecha)"))

        let strict = try cli.run(["catalogo", "revisar", "--estricto"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--estricto"))

        let json = try JSONParser.parse(try cli.run(["catalogo", "revisar", "--json", "--meses", "600"]).stdout)
        #expect(json["problemas"] == .integer(0))
        #expect(json["meses"] == .integer(600))
        guard case .array(let findings)? = json["hallazgos"] else { Issue.record("no hallazgos"); return }
        #expect(!findings.contains { $0["mensaje"].map { "\($0)" }?.contains("fuente de 2021") == true },
                "with a limit of 50 years only undated sources stay to verify")
    }

    @Test("a file is reviewed before import: problems listed, the catalogue in use unchanged")
    func fileBeforeImport() throws {
        let channel = #"{"tipo": "telefono", "nombre": "Línea 106", "valor": "106", "corte": "2025-09-11", "por_confirmar": false}"#
        let fixture = try String(contentsOfFile: CLI.fixtureCatalogue, encoding: .utf8)
        try #require(fixture.contains(channel))
        let path = cli.folder.path + "/revisar.json"
        try fixture.replacingOccurrences(of: channel, with: "").write(toFile: path, atomically: true, encoding: .utf8)

        let run = try cli.run(["catalogo", "revisar", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Rutas sin canal (1):"))
        #expect(run.stdout.contains("riesgo-suicida: no tiene ningún canal"))
        #expect(run.stdout.contains("Revisión del catálogo prueba-1: "))
        #expect(!run.stdout.contains("sin problemas"))
        #expect(try cli.run(["catalogo", "revisar", path, "--estricto"]).status == 1)
        #expect(try cli.run(["catalogo", "revisar", "--meses", "0"]).status == 2)
        #expect(try cli.run(["catalogo", "revisar", cli.folder.path + "/no-existe.json"]).status == 1)

        let listed = try cli.run(["catalogo", "listar", "--json"])
        #expect(listed.stdout.contains("accidente-transito-con-heridos"), "the sample is still the catalogue in use")
    }

    @Test("catalogo ver shows the freshness of each line, in text and JSON")
    func showFreshness() throws {
        let text = try cli.run(["catalogo", "ver", "violencia-intrafamiliar-comisaria"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("(por confirmar) verificar vigencia (fuente de 2021)"))
        #expect(text.stdout.contains("Fuentes:"))
        let json = try JSONParser.parse(try cli.run(["catalogo", "ver", "violencia-intrafamiliar-comisaria", "--json"]).stdout)
        guard case .array(let channels)? = json["canales"] else { Issue.record("no canales"); return }
        let comisaria = try #require(channels.first { $0["nombre"] == .string("Comisaría de Familia") })
        #expect(comisaria["vigencia"] == .string("verificar"))
        #expect(comisaria["fuente_fecha"] == .string("2021-05-11"))
        #expect(channels.contains { $0["vigencia"] == .string("vigente") })
    }
}
