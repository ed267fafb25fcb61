import Foundation
import TerritorioModel

/// `territorio sincronizar`: one sync run now, ignoring backoff (the gestor asked for it).
struct SyncCommand {
    let context: CommandContext

    func run() throws {
        let command = context.command
        let profile = try ProfileStore(database: context.store.database).load()
        guard let address = command.value("--servidor") ?? profile.server else { throw SyncError.noServer }
        let server = try ServerAddress(address, allowInsecureHTTP: command.flag("--permitir-http") || profile.allowsInsecureHTTP)
        guard let token = profile.token else { throw SyncError.missingToken }
        let console = context.console
        let line = isatty(STDOUT_FILENO) == 1 && !command.flag("--json")
            ? ProgressLine(write: { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) }) : nil
        let runner = SyncRunner(store: context.store, http: HTTPClient(stallSeconds: HTTPClient.stallSeconds(environment: context.environment)),
                                server: server, token: token, progress: { progress in
                                    if let line { line.show(progress) } else { console.err(progress.line) }
                                })
        let report: SyncReport
        do {
            report = try runner.run(ignoringBackoff: true)
            line?.finish()
        } catch {
            line?.finish()
            throw error
        }
        if command.flag("--json") {
            context.printJSON(report.json)
        } else {
            for sent in report.sent { context.console.out("Enviada \(sent.id.prefix(8)): radicado \(sent.radicado)") }
            for rejected in report.rejected { context.console.out("Rechazada \(rejected.id.prefix(8)): \(rejected.reason)") }
            for deferred in report.deferred { context.console.out("Sigue en cola \(deferred.id.prefix(8)): \(deferred.reason)") }
            if report.statusesUpdated > 0 { context.console.out("Estados actualizados: \(report.statusesUpdated)") }
            if let version = report.catalogueVersion { context.console.out("Catálogo actualizado a la versión \(version).") }
            if report.sent.isEmpty && report.rejected.isEmpty && report.deferred.isEmpty {
                context.console.out("No había novedades por enviar.")
            }
        }
        if let stop = report.stoppedBecause { throw stop }
        if !report.isComplete {
            throw CommandFailure(message: "Algunas novedades siguen en cola; se reintentarán en la próxima sincronización.")
        }
    }
}
