import TerritorioModel

/// Runs a command and turns every way it can end into an exit code: 0 done, 1 refused or
/// failed, 2 usage. No error escapes as a crash.
enum CommandExit {
    static func run(_ command: ParsedCommand, environment: [String: String], console: Console) -> Int32 {
        status(console: console) {
            try CommandRunner(command: command, environment: environment, console: console).run()
        }
    }

    /// Runs `body`, printing what ended it in Spanish on stderr; returns the exit code.
    static func status(console: Console, _ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return 0
        } catch let error as UsageError {
            console.err(error.message)
            if let usage = error.usage { console.err("Uso: \(usage)") }
            return 2
        } catch let error as CommandFailure {
            console.err(error.message)
            return 1
        } catch let error as any UserFacingError {
            console.err(error.message)
            return 1
        } catch let error as DatabaseError {
            console.err("Error de la base de datos: \(error.message). No se perdió nada de lo ya guardado.")
            return 1
        } catch {
            console.err("Error inesperado: \(error).")
            return 1
        }
    }
}
