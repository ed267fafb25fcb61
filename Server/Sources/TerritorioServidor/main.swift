import Foundation
import TerritorioServidorCore

/// Entry point: every way a command ends becomes an exit code, 0 done, 1 refused or failed,
/// 2 usage, with a Spanish message on standard error.
func exitCode(for words: [String], environment: [String: String]) async -> Int32 {
    do {
        let command = try CommandParser.parse(words)
        try await CommandRunner(command: command, environment: environment).run()
        return 0
    } catch let error as UsageError {
        Console.err(error.message)
        Console.err("Uso: \(error.usage)")
        return 2
    } catch {
        switch LoggableError.underlying(error) {
        case let failure as ServerFailure: Console.err(failure.message)
        case let failure as ObjectStoreFailure: Console.err(failure.description)
        default: Console.err("No se pudo completar la orden: \(LoggableError.describe(error))")
        }
        return 1
    }
}

exit(await exitCode(for: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
