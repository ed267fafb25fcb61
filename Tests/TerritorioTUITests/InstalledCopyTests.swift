import Foundation
import Testing
import TerritorioTestSupport

/// `scripts/install` into a temporary prefix, run from elsewhere: the sample catalogue is found
/// beside the resolved executable, in `../share/territorio` as the Debian package lays it out, or
/// through $TERRITORIO_RECURSOS, or the program starts empty.
@Suite("Installed copy")
struct InstalledCopyTests {
    static let installScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/install").path

    /// Runs the copy at `executable` from `/`, on a data directory in `folder`: it must succeed
    /// and say it uses the sample catalogue.
    private func runFromRoot(_ executable: String, in folder: TemporaryFolder, _ arguments: [String],
                             sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let run = try CLI(folder: folder, executable: executable).run(arguments, currentDirectory: "/")
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("catálogo de muestra"), sourceLocation: sourceLocation)
        return run
    }

    @Test("an installed copy finds its bundle through the bin/ symlink")
    func installedCopy() throws {
        let folder = try TemporaryFolder()
        let prefix = folder.path + "/prefijo"
        let install = try CLI.execute("/bin/bash", [Self.installScript, prefix, "--desde", CLI.binFolder],
                                      environment: ["PATH": "/usr/bin:/bin"])
        try #require(install.status == 0, "\(install.stderr)")
        let run = try runFromRoot(prefix + "/bin/territorio", in: folder, ["catalogo", "listar", "--json"])
        #expect(run.stdout.contains("\"id\""))
    }

    @Test("a packaged copy (PREFIX/bin/territorio, a real file) finds its resources in PREFIX/share/territorio")
    func packagedLayout() throws {
        let folder = try TemporaryFolder()
        let prefix = folder.path + "/usr"
        let bundle = CLI.binFolder + "/Territorio_TerritorioResources.resources"
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/territorio", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: prefix + "/bin/territorio")
        for name in try FileManager.default.contentsOfDirectory(atPath: bundle) {
            try FileManager.default.copyItem(atPath: bundle + "/" + name, toPath: prefix + "/share/territorio/" + name)
        }
        let run = try runFromRoot(prefix + "/bin/territorio", in: folder, ["catalogo", "buscar", "desechos", "--json"])
        // «desechos» is not in the sample: without the synonyms file (read from the same folder)
        // it would be corrected to «derechos».
        #expect(run.stdout.contains("\"corregida\": null"))
        #expect(run.stdout.contains("\"id\": \"escombros-arrojo-clandestino\""))
    }

    @Test("without a bundle the program starts empty and says how to import; TERRITORIO_RECURSOS finds one")
    func missingBundle() throws {
        let folder = try TemporaryFolder()
        let lonely = folder.path + "/solo/territorio"
        try FileManager.default.createDirectory(atPath: folder.path + "/solo", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: lonely)

        var cli = CLI(folder: folder, executable: lonely)
        let empty = try cli.run(["catalogo", "listar", "--json"])
        #expect(empty.status == 0)
        #expect(empty.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(empty.stderr.contains("territorio catalogo importar ARCHIVO"))

        cli.environment["TERRITORIO_RECURSOS"] = CLI.binFolder + "/Territorio_TerritorioResources.resources"
        let found = try cli.run(["catalogo", "listar", "--json"])
        #expect(found.status == 0)
        #expect(found.stderr.contains("catálogo de muestra"))
        #expect(found.stdout.contains("\"id\""))
    }
}
