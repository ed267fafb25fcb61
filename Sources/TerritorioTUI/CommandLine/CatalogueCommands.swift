import TerritorioModel

/// `territorio catalogo …` and `territorio referencias`: search, read, list and import the
/// catalogue of routes.
struct CatalogueCommands {
    let context: CommandContext

    func importCatalogue() throws {
        let path = context.command.positionals[0]
        let previous = try context.store.catalogue.info()
        let catalogue: Catalogue
        do {
            catalogue = try CatalogueReader.read(path: path)
        } catch let error as CatalogueError {
            throw CommandFailure(message: error.message + " El catálogo en uso no cambió.")
        }
        try context.store.catalogue.replace(with: catalogue)
        var message = "Catálogo \(catalogue.info.version) (\(catalogue.info.date)) importado: \(catalogue.rutas.count) rutas."
        if let previous { message += " Reemplaza al \(previous.version)." }
        if catalogue.info.isSample { message += " \(CatalogueInfo.sampleWarning)." }
        context.console.out(message)
    }

    func search() throws {
        let text = context.command.positionals.joined(separator: " ")
        let filter = try context.routeFilter()
        let limit = try self.limit()
        let search = CatalogueSearch(database: context.store.database, synonyms: .bundled(environment: context.environment))
        let results = try search.find(text, filter: filter, limit: limit)
        if context.command.flag("--json") {
            context.printJSON(results.json)
            return
        }
        try context.warnIfSample()
        let searched = results.correctedQuery ?? text
        if let corrected = results.correctedQuery { context.console.out("Resultados para «\(corrected)» (se buscó «\(text)»).") }
        if results.hits.isEmpty {
            context.console.out("Sin resultados para «\(searched)».")
            return
        }
        let total = results.totalIsCapped ? "más de \(SearchResults.countLimit)" : "\(results.total)"
        context.console.out("\(total) \(results.total == 1 ? "ruta" : "rutas") para «\(searched)»; las \(results.hits.count) mejores:")
        for hit in results.hits {
            context.console.out("  \(hit.route.id)")
            context.console.out("    \(hit.title.bracketed)")
            if hit.snippet.segments.contains(where: \.isMatch) { context.console.out("    \(hit.snippet.bracketed)") }
        }
    }

    func show() throws {
        let id = context.command.positionals[0]
        guard let found = try context.store.catalogue.ruta(id: id) ?? (try uniqueRoute(startingWith: id)),
              let ruta = try context.store.catalogue.freshnessPolicy()?.judged(found) else {
            throw CommandFailure(message: "No hay una ruta con id «\(id)». Búsquela con «territorio catalogo buscar TEXTO».")
        }
        if context.command.flag("--json") {
            context.printJSON(ruta.json)
            return
        }
        try context.warnIfSample()
        context.console.out(RouteText.detail(ruta, references: try context.store.catalogue.references(),
                                             sources: try context.store.catalogue.sources()))
    }

    /// `catalogo revisar [ARCHIVO]`: the catalogue in use, or a file before it is imported.
    func review() throws {
        let months = try self.months()
        let catalogue: Catalogue
        if let path = context.command.positionals.first {
            do {
                catalogue = try CatalogueReader.read(path: path, checkingSources: false)
            } catch let error as CatalogueError {
                throw CommandFailure(message: error.message + " No se puede revisar ni importar.")
            }
        } else {
            guard let inUse = try context.store.catalogue.catalogue() else {
                throw CommandFailure(message: "No hay catálogo en uso. Revise un archivo con «territorio catalogo revisar ARCHIVO».")
            }
            catalogue = inUse
        }
        let review = CatalogueReview(catalogue: catalogue, months: months)
        if context.command.flag("--json") {
            context.printJSON(review.json)
        } else {
            context.console.out(review.text)
        }
        if context.command.flag("--estricto"), !review.findings.isEmpty {
            throw CommandFailure(message: "--estricto: la revisión encontró \(review.findings.count) \(review.findings.count == 1 ? "hallazgo" : "hallazgos").")
        }
    }

    func list() throws {
        let filter = try context.routeFilter()
        let json = context.command.flag("--json")
        if !json { try context.warnIfSample() }
        var summaries: [RouteSummary] = []
        try context.store.catalogue.forEachRoute(matching: filter) { summaries.append($0) }
        if json {
            context.printJSON(.array(summaries.map(\.json)))
        } else if summaries.isEmpty {
            context.console.out("No hay rutas en el catálogo en uso con esos filtros.")
        } else {
            RouteText.summaryLines(summaries).forEach(context.console.out)
        }
    }

    func listReferences() throws {
        let references = try context.store.catalogue.references()
        var kinds = ReferenceKind.allCases
        if let name = context.command.positionals.first {
            guard let kind = ReferenceKind(rawValue: TextFolding.fold(name)) else {
                throw UsageError(message: "«\(name)» no es una lista; use \(ReferenceKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 usage: context.command.spec.usage)
            }
            kinds = [kind]
        }
        if context.command.flag("--json") {
            let all = context.command.positionals.isEmpty
            context.printJSON(.array(kinds.flatMap { references[$0] }.map { $0.json(includingKind: all) }))
            return
        }
        for kind in kinds {
            if kinds.count > 1 { context.console.out("\(kind.rawValue.capitalized):") }
            for item in references[kind] {
                context.console.out("  \(item.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(item.label)")
            }
        }
    }


    // MARK: - Helpers

    private func limit() throws -> Int {
        guard let text = context.command.value("--limite") else { return 20 }
        guard let value = Int(text), (1...10_000).contains(value) else {
            throw UsageError(message: "--limite debe ser un número entre 1 y 10000.", usage: context.command.spec.usage)
        }
        return value
    }

    private func months() throws -> Int {
        guard let text = context.command.value("--meses") else { return FreshnessPolicy.defaultMonths }
        guard let value = Int(text), (1...600).contains(value) else {
            throw UsageError(message: "--meses debe ser un número entre 1 y 600.", usage: context.command.spec.usage)
        }
        return value
    }

    /// A route whose id starts with `prefix`, when exactly one does.
    private func uniqueRoute(startingWith prefix: String) throws -> Ruta? {
        var matches: [String] = []
        try context.store.catalogue.forEachRoute { if $0.id.hasPrefix(prefix) { matches.append($0.id) } }
        guard matches.count == 1 else { return nil }
        return try context.store.catalogue.ruta(id: matches[0])
    }
}
