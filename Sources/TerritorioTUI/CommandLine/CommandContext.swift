import TerritorioModel

/// What every command works with: its parsed arguments, the environment, where to print, the
/// open store — and the helpers they share (reference values, the sample warning, JSON).
struct CommandContext {
    let command: ParsedCommand
    let environment: [String: String]
    let console: Console
    let store: Store

    /// The catalogue in use, importing the bundled sample into an empty store.
    func prepareCatalogue() throws {
        let sample = ResourceLocator.sampleCatalogue(environment: environment)
        do {
            let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: sample)
            if let notice = CatalogueBootstrap.notice(for: outcome) { console.err(notice) }
        } catch let error as CatalogueError {
            console.err("No se pudo cargar el catálogo de muestra: \(error.message)")
        }
    }

    /// The automatic purge at start: photos and contact data of novedades sent or rejected more
    /// than `RetentionPolicy.defaultDays` ago, attachment files nothing references, and editor
    /// files a crashed interface left in `tmp/`.
    func purgeExpired() throws {
        _ = try store.novedades().purge(olderThanDays: RetentionPolicy.defaultDays)
        try ScratchFolder(dataDirectory: store.directory).removeLeftovers()
    }

    func warnIfSample() throws {
        if try store.catalogue.info()?.isSample == true { console.err(CatalogueInfo.sampleWarning) }
    }

    func routeFilter() throws -> RouteFilter {
        let references = try store.catalogue.references()
        return RouteFilter(
            theme: try resolve(command.value("--tema"), .temas, references),
            entity: try resolve(command.value("--entidad"), .entidades, references),
            localidad: try resolve(command.value("--localidad"), .localidades, references))
    }

    func resolve(_ input: String?, _ kind: ReferenceKind, _ references: ReferenceLists) throws -> String? {
        guard let input else { return nil }
        switch ReferenceResolver.resolve(input, in: references[kind]) {
        case .found(let item):
            return item.id
        case .ambiguous(let candidates):
            throw CommandFailure(message: "«\(input)» coincide con varios valores de la lista de \(kind.rawValue): "
                + candidates.map(\.label).joined(separator: "; ") + ". Escriba más del nombre, el id o el número.")
        case .unknown(let closest):
            var message = "«\(input)» no está en la lista de \(kind.rawValue)."
            if !closest.isEmpty { message += " ¿Quiso decir: " + closest.map(\.label).joined(separator: "; ") + "?" }
            message += " Vea «territorio referencias \(kind.rawValue)»."
            throw CommandFailure(message: message)
        }
    }



    func printJSON(_ value: JSONValue) {
        console.out(JSONWriter.string(value))
    }
}
