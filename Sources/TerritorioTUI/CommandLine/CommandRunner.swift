import TerritorioModel

/// Runs a parsed subcommand against the store: the preparation its table entry names, then the
/// entry's own `run`.
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
        for step in command.spec.preparation { try step.run(context) }
        try command.spec.run(context)
    }
}
