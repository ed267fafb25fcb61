#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TerritorioModel

// Every file the program creates is private to the user (docs/diseno.md "Data").
umask(0o077)
// A closed pipe (`territorio … | head`) must end the program quietly, never by a signal.
signal(SIGPIPE, SIG_IGN)

let console = Console.standard
let status: Int32
do {
    switch try ArgumentParser.parse(Array(CommandLine.arguments.dropFirst())) {
    case .interface(let global):
        // No command and a terminal: the interface. Without a terminal, help is printed.
        if isatty(STDOUT_FILENO) == 1 {
            status = Interface.run(global, environment: ProcessInfo.processInfo.environment, console: console)
        } else {
            console.out(HelpText.general())
            status = 0
        }
    case .help(let spec):
        console.out(spec.map(HelpText.command) ?? HelpText.general())
        status = 0
    case .version(let global):
        status = CommandExit.status(console: console) {
            try VersionReport(global: global, environment: ProcessInfo.processInfo.environment, console: console).print()
        }
    case .document(let document):
        console.out(document.text)
        status = 0
    case .run(let command):
        status = CommandExit.run(command, environment: ProcessInfo.processInfo.environment, console: console)
    }
} catch {
    console.err(error.message)
    if let usage = error.usage { console.err("Uso: \(usage)") }
    console.err("Vea «territorio --help».")
    status = 2
}
exit(status)
