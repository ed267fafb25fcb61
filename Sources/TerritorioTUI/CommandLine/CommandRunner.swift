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
        case ["catalogo", "listar"]:
            try context.prepareCatalogue()
            try catalogue.list()
        default:
            throw CommandFailure(message: "Comando sin implementar: \(command.spec.name).")
        }
    }
}
