import Testing
import TerritorioModel

/// The steps many tmux tests take in the interface, written once: start on the catalogue list,
/// open a new form, quit and check the terminal came back as it was. A failed wait is reported
/// at the test's line.
extension TmuxSession {
    /// The program started on a fresh data directory, once the catalogue list is on screen (with
    /// the bundled sample's warning and the route count).
    static func onCatalogue(columns: Int = 80, rows: Int = 24, environment: [String: String] = [:],
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> TmuxSession {
        let session = try TmuxSession(columns: columns, rows: rows, environment: environment)
        try session.waitFor(CatalogueInfo.sampleWarning, " rutas", sourceLocation: sourceLocation)
        return session
    }

    /// Presses `key`, then waits for the pane to show `text` and every one of `more`.
    func press(_ key: String, waitingFor text: String, _ more: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        try press(key)
        try waitFor(all: [text] + more, sourceLocation: sourceLocation)
    }

    /// Types `typed`, then waits for the pane to show `text` and every one of `more`.
    func type(_ typed: String, waitingFor text: String, _ more: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        try type(typed)
        try waitFor(all: [text] + more, sourceLocation: sourceLocation)
    }

    /// From the catalogue to a new, empty form: `n` twice.
    func openNewForm(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try press("n", waitingFor: "[Borradores (0)]", sourceLocation: sourceLocation)
        try press("n", waitingFor: "Nueva novedad", sourceLocation: sourceLocation)
    }

    /// Presses `keys` (to close what is open), then `q`; the program must end with status 0 and
    /// leave the terminal's modes as it found them.
    func quit(after keys: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux(["send-keys", "-t", "t"] + keys + ["q"])
        try waitFor("estado=0", "terminal=restaurada", sourceLocation: sourceLocation)
    }
}
