import TerritorioModel

/// `territorio --version`: the program's version, the version of the catalogue in use in the data
/// directory and the SQLite library loaded — the three things a support call needs to know.
/// The program's line comes first and alone, so `scripts/paquetes` can read the version from it.
struct VersionReport {
    let global: GlobalOptions
    let environment: [String: String]
    let console: Console

    /// Prints the three lines. The catalogue is prepared as for any command (the bundled sample
    /// is imported into an empty store).
    /// - Throws: the store's errors, after the program's and SQLite's lines are printed.
    func print() throws {
        console.out("territorio \(HelpText.version)")
        console.out("SQLite \(Database.libraryVersion)")
        let directory = DataDirectory.resolve(option: global.dataDirectory, environment: environment)
        let store = try Store(directory: directory)
        let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: ResourceLocator.sampleCatalogue(environment: environment))
        if let notice = CatalogueBootstrap.notice(for: outcome) { console.err(notice) }
        console.out(Self.catalogueLine(try store.catalogue.info()))
    }

    static func catalogueLine(_ info: CatalogueInfo?) -> String {
        guard let info else { return "catálogo: ninguno cargado (importe uno con «territorio catalogo importar ARCHIVO»)" }
        return "catálogo \(info.version) del \(info.date)" + (info.isSample ? " (datos de muestra)" : "")
    }
}
