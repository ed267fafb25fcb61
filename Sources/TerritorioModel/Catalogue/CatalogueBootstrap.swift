/// What happens to the catalogue when the program starts: with an empty store, the bundled
/// sample is imported once; without it, the program starts empty and says how to import one.
public enum CatalogueBootstrap {
    public enum Outcome: Equatable, Sendable {
        /// A catalogue was already in use.
        case alreadyLoaded
        /// The bundled sample was imported now.
        case importedSample(CatalogueInfo)
        /// No catalogue and no bundled sample: the store stays empty.
        case missingSample
    }

    public static func prepare(_ store: Store, sampleCatalogue: String?) throws -> Outcome {
        if try store.catalogue.info() != nil { return .alreadyLoaded }
        guard let sampleCatalogue else { return .missingSample }
        let catalogue = try CatalogueReader.read(path: sampleCatalogue)
        try store.catalogue.replace(with: catalogue)
        return .importedSample(catalogue.info)
    }

    /// The notice for the gestor (on stderr, or the interface's status line).
    public static func notice(for outcome: Outcome) -> String? {
        switch outcome {
        case .alreadyLoaded:
            nil
        case .importedSample(let info):
            "Se cargó el catálogo de muestra \(info.version) (\(info.date)). \(CatalogueInfo.sampleWarning)."
        case .missingSample:
            "No hay catálogo: no se encontró el catálogo de muestra junto al programa ni en $TERRITORIO_RECURSOS. "
                + "Importe uno con «territorio catalogo importar ARCHIVO»."
        }
    }
}
