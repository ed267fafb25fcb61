import TerritorioModel

/// A step a command needs before it runs, named in its `CommandSpec` entry so that what each
/// command does at start is read in the table rather than in a dispatcher. The interface runs
/// the same steps (`.catalogue` before its first screen, `Interface.preparedOnceUp` after).
enum CommandPreparation: Equatable, Sendable {
    /// The catalogue in use, importing the bundled sample into an empty store.
    case catalogue
    /// `catalogue`, unless the command was given a file to read instead of the catalogue in use
    /// (`catalogo revisar ARCHIVO`).
    case catalogueUnlessFileGiven
    /// The automatic purge at start: photos and contact data of novedades sent or rejected more
    /// than `RetentionPolicy.defaultDays` ago, drafts that long in the papelera, and attachment
    /// files nothing references.
    case purge
    /// Editor files a crashed interface left in `tmp/` (those another instance still holds stay).
    case scratchCleanup

    /// Runs the step for `context`'s command; notices go to stderr.
    /// - Throws: store errors; a bundled sample that cannot be read is only reported.
    func run(_ context: CommandContext) throws {
        try run(on: context.store, environment: context.environment, fileGiven: !context.command.positionals.isEmpty,
                notice: context.console.err)
    }

    /// Runs the step on `store`.
    /// - Parameters:
    ///   - fileGiven: the command reads a file given to it rather than the catalogue in use.
    ///   - notice: where a sentence for the gestor goes (stderr, or the interface's status line).
    /// - Throws: store errors; a bundled sample that cannot be read is only reported.
    func run(on store: Store, environment: [String: String], fileGiven: Bool = false, notice: (String) -> Void) throws {
        switch self {
        case .catalogue:
            try prepareCatalogue(store, environment: environment, notice: notice)
        case .catalogueUnlessFileGiven:
            if !fileGiven { try prepareCatalogue(store, environment: environment, notice: notice) }
        case .purge:
            _ = try store.novedades().purge(olderThanDays: RetentionPolicy.defaultDays)
        case .scratchCleanup:
            _ = try ScratchFolder(dataDirectory: store.directory).removeLeftovers()
        }
    }

    /// What a sample catalogue that cannot be read is reported as.
    static let unreadableSample = "No se pudo cargar el catálogo de muestra: "

    private func prepareCatalogue(_ store: Store, environment: [String: String], notice: (String) -> Void) throws {
        let sample = ResourceLocator.sampleCatalogue(environment: environment)
        do {
            let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: sample)
            if let text = CatalogueBootstrap.notice(for: outcome) { notice(text) }
        } catch let error as CatalogueError {
            notice(Self.unreadableSample + error.message)
        }
    }
}
