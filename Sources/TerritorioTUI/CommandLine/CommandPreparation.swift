import TerritorioModel

/// A step a command needs before it runs, named in its `CommandSpec` entry so that what each
/// command does at start is read in the table rather than in a dispatcher.
enum CommandPreparation: Equatable, Sendable {
    /// The catalogue in use, importing the bundled sample into an empty store.
    case catalogue
    /// `catalogue`, unless the command was given a file to read instead of the catalogue in use
    /// (`catalogo revisar ARCHIVO`).
    case catalogueUnlessFileGiven
    /// The automatic purge at start: photos and contact data of novedades sent or rejected more
    /// than `RetentionPolicy.defaultDays` ago, and attachment files nothing references.
    case purge
    /// Editor files a crashed interface left in `tmp/` (those another instance still holds stay).
    case scratchCleanup

    /// Runs the step for `context`'s command.
    /// - Throws: store errors; a bundled sample that cannot be read is only reported on stderr.
    func run(_ context: CommandContext) throws {
        switch self {
        case .catalogue:
            try prepareCatalogue(context)
        case .catalogueUnlessFileGiven:
            if context.command.positionals.isEmpty { try prepareCatalogue(context) }
        case .purge:
            _ = try context.store.novedades().purge(olderThanDays: RetentionPolicy.defaultDays)
        case .scratchCleanup:
            _ = try ScratchFolder(dataDirectory: context.store.directory).removeLeftovers()
        }
    }

    private func prepareCatalogue(_ context: CommandContext) throws {
        let sample = ResourceLocator.sampleCatalogue(environment: context.environment)
        do {
            let outcome = try CatalogueBootstrap.prepare(context.store, sampleCatalogue: sample)
            if let notice = CatalogueBootstrap.notice(for: outcome) { context.console.err(notice) }
        } catch let error as CatalogueError {
            context.console.err("No se pudo cargar el catálogo de muestra: \(error.message)")
        }
    }
}
