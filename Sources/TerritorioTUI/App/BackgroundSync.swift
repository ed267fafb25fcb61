import Foundation
import Synchronization
import TerritorioModel

/// Sync in the interface's background (docs/diseno.md "Sync in one paragraph"): with a server and a
/// token in the profile, a run starts after the first screen, again every `interval` (sooner
/// after a failure to connect), and at once when the gestor asks (`s`, ignoring backoff). Runs
/// happen on their own thread with their own connection to the store, so the interface never
/// waits; the loop reads `status` on each turn. Without a server nothing ever touches the network.
final class BackgroundSync: Sendable {
    /// What the header shows of sync.
    struct Status: Equatable, Sendable {
        /// "sin servidor", "sincronizando: foto 1 de 3…", "sincronizado 14:32", "sin conexión".
        var line: String
        var running = false
        /// Counts every finished run: the screens reload their novedades when it changes.
        var runs = 0
        /// The last run's outcome, for the status line, once.
        var outcome: String?
    }

    /// Between runs when the last one worked, and after a failure to reach the server.
    static let interval: TimeInterval = 120
    static let retryAfterFailure: TimeInterval = 30

    private struct State: Sendable {
        var status = Status(line: "sin servidor")
        var wanted = false
        var ignoringBackoff = false
        var stopped = false
    }

    private let state = Mutex(State())
    private let condition = NSCondition()
    private let directory: DataDirectory

    /// - Parameter firstRunAfter: the first run waits this long, so it never delays the first screen.
    init(directory: DataDirectory, firstRunAfter: TimeInterval = 1) {
        self.directory = directory
        let thread = Thread { [self] in work(firstWait: firstRunAfter) }
        thread.name = "territorio-sincronizacion"
        thread.start()
    }

    var status: Status { state.withLock { $0.status } }

    /// Takes the last run's outcome, so it is shown once.
    func takeOutcome() -> String? {
        state.withLock { state in
            defer { state.status.outcome = nil }
            return state.status.outcome
        }
    }

    /// A run now, ignoring backoff: the gestor asked.
    func requestNow() {
        signal { $0.wanted = true; $0.ignoringBackoff = true }
    }

    /// Ends the thread after the run in progress, if any.
    func stop() {
        signal { $0.stopped = true }
    }

    /// Changes the state and wakes the thread, holding the condition's lock: between the thread's
    /// check of the state and its wait the change cannot slip in unseen (a lost wake-up would
    /// leave `s` waiting for the next tick).
    private func signal(_ change: (inout State) -> Void) {
        condition.lock()
        state.withLock { change(&$0) }
        condition.broadcast()
        condition.unlock()
    }

    private func work(firstWait: TimeInterval) {
        var wait = firstWait
        while true {
            condition.lock()
            let deadline = Date().addingTimeInterval(wait)
            while !state.withLock({ $0.wanted || $0.stopped }), condition.wait(until: deadline) {}
            condition.unlock()
            let (stopped, ignoringBackoff) = state.withLock { state in
                defer { state.wanted = false; state.ignoringBackoff = false }
                return (state.stopped, state.ignoringBackoff)
            }
            if stopped { return }
            wait = runOnce(ignoringBackoff: ignoringBackoff)
        }
    }

    /// One run if a server is configured; returns how long to wait before the next.
    private func runOnce(ignoringBackoff: Bool) -> TimeInterval {
        let setup: (Store, ServerAddress, String)
        do {
            let store = try Store(directory: directory)
            let profile = try ProfileStore(database: store.database).load()
            guard let address = profile.server else {
                finish(line: "sin servidor", outcome: ignoringBackoff ? SyncError.noServer.message : nil)
                return Self.interval
            }
            guard let token = profile.token else { throw SyncError.missingToken }
            setup = (store, try ServerAddress(address, allowInsecureHTTP: profile.allowsInsecureHTTP), token)
        } catch {
            finish(line: "sin sincronizar", outcome: FailureText.describe(error))
            return Self.interval
        }
        state.withLock { $0.status.running = true; $0.status.line = "sincronizando…" }
        let http = HTTPClient(stallSeconds: HTTPClient.stallSeconds(environment: ProcessInfo.processInfo.environment))
        let runner = SyncRunner(store: setup.0, http: http, server: setup.1, token: setup.2,
                                progress: { [self] progress in state.withLock { $0.status.line = "sincronizando: " + progress.line } })
        do {
            let report = try runner.run(ignoringBackoff: ignoringBackoff)
            let time = BogotaTime.display(Timestamp.string(from: Date())).split(separator: " ").last.map(String.init) ?? ""
            let quiet = ignoringBackoff ? "Sincronización completa: nada nuevo por enviar ni por recibir." : nil
            finish(line: "sincronizado " + time, outcome: Self.summary(report) ?? quiet)
            return report.isComplete ? Self.interval : Self.retryAfterFailure
        } catch SyncError.alreadyRunning {
            finish(line: "sincronizando en otra ventana", outcome: nil)
            return Self.retryAfterFailure
        } catch let error as SyncError {
            let line = if case .offline = error { "sin conexión" } else { "sin sincronizar" }
            finish(line: line, outcome: ignoringBackoff ? error.message : nil)
            return Self.retryAfterFailure
        } catch {
            finish(line: "sin sincronizar", outcome: FailureText.describe(error))
            return Self.retryAfterFailure
        }
    }

    private func finish(line: String, outcome: String?) {
        state.withLock { state in
            state.status.running = false
            state.status.line = line
            state.status.runs += 1
            if let outcome { state.status.outcome = outcome }
        }
    }

    /// A run in one sentence, or nil when it changed nothing the gestor needs to hear of.
    static func summary(_ report: SyncReport) -> String? {
        var parts: [String] = []
        if !report.sent.isEmpty { parts.append("\(report.sent.count) enviada" + (report.sent.count == 1 ? "" : "s")) }
        if !report.rejected.isEmpty { parts.append("\(report.rejected.count) rechazada" + (report.rejected.count == 1 ? "" : "s")) }
        if !report.deferred.isEmpty { parts.append("\(report.deferred.count) sigue" + (report.deferred.count == 1 ? "" : "n") + " en cola") }
        if let version = report.catalogueVersion { parts.append("catálogo \(version)") }
        if let stop = report.stoppedBecause { parts.append(stop.message) }
        return parts.isEmpty ? nil : "Sincronización: " + parts.joined(separator: " · ") + "."
    }
}
