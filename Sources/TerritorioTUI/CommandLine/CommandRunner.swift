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
        let context = CommandContext(command: command, environment: environment, console: console, store: store)
        let catalogue = CatalogueCommands(context: context)
        switch command.spec.words {
        case ["catalogo", "importar"]:
            try catalogue.importCatalogue()
        case ["referencias"]:
            try context.prepareCatalogue()
            try catalogue.listReferences()
        case ["catalogo", "buscar"]:
            try context.prepareCatalogue()
            try catalogue.search()
        case ["catalogo", "ver"]:
            try context.prepareCatalogue()
            try catalogue.show()
        case ["catalogo", "revisar"]:
            if command.positionals.isEmpty { try context.prepareCatalogue() }
            try catalogue.review()
        case ["catalogo", "listar"]:
            try context.prepareCatalogue()
            try catalogue.list()
        default:
            try runNovedadCommand(context)
        }
    }

    private func runNovedadCommand(_ context: CommandContext) throws {
        try context.prepareCatalogue()
        try context.purgeExpired()
        let novedades = NovedadCommands(context: context)
        switch command.spec.words {
        case ["novedad", "crear"]: try novedades.create()
        case ["novedad", "editar"]: try novedades.edit()
        case ["novedad", "ver"]: try novedades.show()
        case ["novedad", "adjuntar"]: try novedades.attach()
        case ["novedad", "quitar-adjunto"]: try novedades.removeAttachment()
        case ["novedad", "encolar"]: try novedades.enqueue()
        case ["novedad", "desencolar"]: try novedades.dequeue()
        case ["novedad", "corregir"]: try novedades.correct()
        case ["novedad", "borrar"]: try novedades.delete()
        case ["novedad", "restaurar"]: try novedades.restore()
        case ["novedad", "tipos"]: try novedades.types()
        case ["novedades"]: try novedades.list()
        case ["perfil"]: try novedades.profile()
        case ["purgar"]: try novedades.purge()
        case ["sincronizar"]: try SyncCommand(context: context).run()
        default: throw CommandFailure(message: "Comando sin implementar: \(command.spec.name).")
        }
    }
}
