import TerritorioModel

/// Runs a parsed subcommand against the store and prints its result.
struct CommandRunner {
    let command: ParsedCommand
    let environment: [String: String]
    let console: Console

    /// Runs the command.
    /// - Throws: `CommandFailure` (exit 1) with a Spanish message; store and catalogue errors are
    ///   turned into one.
    func run() throws {
        let directory = DataDirectory.resolve(option: command.global.dataDirectory, environment: environment)
        let store: Store
        do {
            store = try Store(directory: directory)
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
        switch command.spec.words {
        case ["catalogo", "importar"]:
            try importCatalogue(into: store)
        case ["referencias"]:
            try prepareCatalogue(store)
            try listReferences(store)
        case ["catalogo", "buscar"]:
            try prepareCatalogue(store)
            try search(store)
        case ["catalogo", "ver"]:
            try prepareCatalogue(store)
            try show(store)
        case ["catalogo", "listar"]:
            try prepareCatalogue(store)
            try list(store)
        default:
            throw CommandFailure(message: "Comando sin implementar: \(command.spec.name).")
        }
    }

    // MARK: - Commands

    private func importCatalogue(into store: Store) throws {
        let path = command.positionals[0]
        let previous = try store.catalogue.info()
        let catalogue: Catalogue
        do {
            catalogue = try CatalogueReader.read(path: path)
        } catch let error as CatalogueError {
            throw CommandFailure(message: error.message + " El catálogo en uso no cambió.")
        }
        try store.catalogue.replace(with: catalogue)
        var message = "Catálogo \(catalogue.info.version) (\(catalogue.info.date)) importado: \(catalogue.rutas.count) rutas."
        if let previous { message += " Reemplaza al \(previous.version)." }
        if catalogue.info.isSample { message += " \(CatalogueInfo.sampleWarning)." }
        console.out(message)
    }

    private func search(_ store: Store) throws {
        let text = command.positionals.joined(separator: " ")
        let filter = try routeFilter(store)
        let limit = try self.limit()
        let search = CatalogueSearch(database: store.database, synonyms: .bundled(environment: environment))
        let results = try search.find(text, filter: filter, limit: limit)
        if command.flag("--json") {
            printJSON(results.json)
            return
        }
        try warnIfSample(store)
        let searched = results.correctedQuery ?? text
        if let corrected = results.correctedQuery { console.out("Resultados para «\(corrected)» (se buscó «\(text)»).") }
        if results.hits.isEmpty {
            console.out("Sin resultados para «\(searched)».")
            return
        }
        let total = results.totalIsCapped ? "más de \(SearchResults.countLimit)" : "\(results.total)"
        console.out("\(total) \(results.total == 1 ? "ruta" : "rutas") para «\(searched)»; las \(results.hits.count) mejores:")
        for hit in results.hits {
            console.out("  \(hit.route.id)")
            console.out("    \(hit.title.bracketed)")
            if hit.snippet.segments.contains(where: \.isMatch) { console.out("    \(hit.snippet.bracketed)") }
        }
    }

    private func show(_ store: Store) throws {
        let id = command.positionals[0]
        guard let ruta = try store.catalogue.ruta(id: id) ?? (try uniqueRoute(startingWith: id, store)) else {
            throw CommandFailure(message: "No hay una ruta con id «\(id)». Búsquela con «territorio catalogo buscar TEXTO».")
        }
        if command.flag("--json") {
            printJSON(ruta.json)
            return
        }
        try warnIfSample(store)
        console.out(RouteText.detail(ruta, references: try store.catalogue.references()))
    }

    private func list(_ store: Store) throws {
        let filter = try routeFilter(store)
        let json = command.flag("--json")
        if !json { try warnIfSample(store) }
        var summaries: [RouteSummary] = []
        try store.catalogue.forEachRoute(matching: filter) { summaries.append($0) }
        if json {
            printJSON(.array(summaries.map(\.json)))
        } else if summaries.isEmpty {
            console.out("No hay rutas en el catálogo en uso con esos filtros.")
        } else {
            RouteText.summaryLines(summaries).forEach(console.out)
        }
    }

    private func listReferences(_ store: Store) throws {
        let references = try store.catalogue.references()
        var kinds = ReferenceKind.allCases
        if let name = command.positionals.first {
            guard let kind = ReferenceKind(rawValue: TextFolding.fold(name)) else {
                throw UsageError(message: "«\(name)» no es una lista; use \(ReferenceKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 usage: command.spec.usage)
            }
            kinds = [kind]
        }
        if command.flag("--json") {
            let all = command.positionals.isEmpty
            printJSON(.array(kinds.flatMap { references[$0] }.map { $0.json(includingKind: all) }))
            return
        }
        for kind in kinds {
            if kinds.count > 1 { console.out("\(kind.rawValue.capitalized):") }
            for item in references[kind] {
                console.out("  \(item.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(item.label)")
            }
        }
    }

    // MARK: - Helpers

    /// The catalogue in use, importing the bundled sample into an empty store.
    private func prepareCatalogue(_ store: Store) throws {
        let sample = ResourceLocator.sampleCatalogue(environment: environment)
        do {
            let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: sample)
            if let notice = CatalogueBootstrap.notice(for: outcome) { console.err(notice) }
        } catch let error as CatalogueError {
            console.err("No se pudo cargar el catálogo de muestra: \(error.message)")
        }
    }

    private func warnIfSample(_ store: Store) throws {
        if try store.catalogue.info()?.isSample == true { console.err(CatalogueInfo.sampleWarning) }
    }

    private func routeFilter(_ store: Store) throws -> RouteFilter {
        let references = try store.catalogue.references()
        return RouteFilter(
            theme: try resolve(command.value("--tema"), .temas, references),
            entity: try resolve(command.value("--entidad"), .entidades, references),
            localidad: try resolve(command.value("--localidad"), .localidades, references))
    }

    private func resolve(_ input: String?, _ kind: ReferenceKind, _ references: ReferenceLists) throws -> String? {
        guard let input else { return nil }
        switch ReferenceResolver.resolve(input, in: references[kind]) {
        case .found(let item):
            return item.id
        case .ambiguous(let candidates):
            throw CommandFailure(message: "«\(input)» puede ser más de una \(kind.singular): "
                + candidates.map(\.label).joined(separator: "; ") + ". Escriba más del nombre, el id o el número.")
        case .unknown(let closest):
            var message = "«\(input)» no es una \(kind.singular) conocida."
            if !closest.isEmpty { message += " ¿Quiso decir: " + closest.map(\.label).joined(separator: "; ") + "?" }
            message += " Vea «territorio referencias \(kind.rawValue)»."
            throw CommandFailure(message: message)
        }
    }

    private func limit() throws -> Int {
        guard let text = command.value("--limite") else { return 20 }
        guard let value = Int(text), (1...10_000).contains(value) else {
            throw UsageError(message: "--limite debe ser un número entre 1 y 10000.", usage: command.spec.usage)
        }
        return value
    }

    /// A route whose id starts with `prefix`, when exactly one does.
    private func uniqueRoute(startingWith prefix: String, _ store: Store) throws -> Ruta? {
        var matches: [String] = []
        try store.catalogue.forEachRoute { if $0.id.hasPrefix(prefix) { matches.append($0.id) } }
        guard matches.count == 1 else { return nil }
        return try store.catalogue.ruta(id: matches[0])
    }

    private func printJSON(_ value: JSONValue) {
        console.out(JSONWriter.string(value))
    }
}
