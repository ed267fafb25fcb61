import Foundation
import Testing
import TerritorioModel

/// Suites that drive a real terminal with tmux, under the one serialized parent of every suite
/// that runs real processes, so no two of them ever run at once.
extension RealProcessTests {
    @Suite("tmux end to end")
    struct TmuxEndToEndTests {
        /// The interface (`territorio` with no command) on a fresh data directory, where the
        /// bundled sample catalogue is imported on first start.
        @Suite("Interface")
        struct InterfaceTests {
            @Test("catalogue and sample warning; search violencia then victima; open, steps and line; back; help; quit")
            func browse() throws {
                let session = try TmuxSession()
                defer { session.stop() }
                try session.waitFor("Territorio", "sin servidor", "borradores 0 · en cola 0", CatalogueInfo.sampleWarning, " rutas")

                try session.press("/")
                try session.type("violencia")
                let violencia = try topResult("violencia", in: session)
                try session.waitFor("Buscar: violencia", String(violencia.title.prefix(40)))

                try session.press("C-u")
                try session.type("victima")
                let victima = try topResult("victima", in: session)
                try session.waitFor("Buscar: victima", String(victima.title.prefix(40)))

                try session.press("Enter")
                let line = try mainLine(of: victima.id, in: session)
                try session.waitFor("Línea principal", line)
                try session.pressUntil("NPage", shows: "│ 1. ")

                try session.press("Escape", waitingFor: "Buscar: victima", String(victima.title.prefix(40)))
                try session.press("Escape", waitingFor: "/ buscar")
                try session.press("?", waitingFor: "Ayuda", "En la lista de rutas")
                try session.press("Escape", waitingFor: "/ buscar")

                try session.quit()
                let modes = Set(try session.screen().split(whereSeparator: \.isWhitespace))
                for mode in ["icanon", "echo", "isig"] {
                    #expect(modes.contains(Substring(mode)) && !modes.contains(Substring("-" + mode)), "stty -a: \(mode)")
                }
            }

            @Test("resize 100x30 → 80x24 → 40x10 → back, in the list and in a route, without a crash")
            func resize() throws {
                let session = try TmuxSession(columns: 100, rows: 30)
                defer { session.stop() }
                try session.waitFor(CatalogueInfo.sampleWarning, "Tema: todos")
                for inRoute in [false, true] {
                    if inRoute {
                        try session.press("Enter", waitingFor: "Línea principal")
                    }
                    let marker = inRoute ? "Línea principal" : "Tema: todos"
                    try session.resize(columns: 80, rows: 24)
                    try session.waitFor(marker)
                    try session.resize(columns: 40, rows: 10)
                    try session.waitFor("Ventana demasiado pequeña")
                    try session.resize(columns: 80, rows: 24)
                    try session.waitFor(CatalogueInfo.sampleWarning, marker)
                    try session.resize(columns: 100, rows: 30)
                    try session.waitFor(CatalogueInfo.sampleWarning, marker)
                }
                try session.quit()
            }

            @Test("a paste of 5 000 characters into the search box is cut, and the interface keeps answering")
            func paste() throws {
                let session = try TmuxSession.onCatalogue()
                defer { session.stop() }
                try session.press("/", waitingFor: "Enter abrir")
                try session.paste(String(repeating: "pegado ", count: 714) + "xx")
                try session.waitFor("La búsqueda admite hasta 200 caracteres")
                try session.press("C-u")
                try session.type("violencia", waitingFor: "Buscar: violencia")
                try session.quit(after: "Escape")
            }

            @Test("ñ, á and ü are typed; unknown escape sequences, function and control keys are ignored, never typed")
            func badKeys() throws {
                let session = try TmuxSession.onCatalogue()
                defer { session.stop() }
                try session.press("/", waitingFor: "Enter abrir")
                // ESC [ 9 9 ~, ESC [ 2 0 0 ~ (bracketed paste), ESC O z, a lone CSI with parameters.
                for bytes in ["1b 5b 39 39 7e", "1b 5b 32 30 30 7e", "1b 4f 7a", "1b 5b 31 3b 35 7a"] {
                    try session.tmux(["send-keys", "-t", "t", "-H"] + bytes.split(separator: " ").map(String.init))
                }
                try session.press("F12", "C-a", "C-b", "C-t", "C-s", "C-q", "Tab", "BTab", "IC", "Left", "Right")
                try session.type("niño ü á", waitingFor: "Buscar: niño ü á ")
                try session.quit(after: "Escape", "Escape")
            }

            // MARK: - What the screen should show, from the command line's stable JSON

            private struct Result {
                let id: String
                let title: String
            }

            /// The first result of `catalogo buscar TEXT --json` on the session's data directory.
            private func topResult(_ text: String, in session: TmuxSession) throws -> Result {
                let json = try session.territorio(["catalogo", "buscar", text, "--json"])
                let first = try #require(json["resultados"]?.arrayValue?.first, "no route for «\(text)» in the sample catalogue")
                return Result(id: try #require(first["id"]?.stringValue), title: try #require(first["titulo"]?.stringValue))
            }

            /// The main line's value of route `id`: the channel marked principal, else the first phone.
            private func mainLine(of id: String, in session: TmuxSession) throws -> String {
                let channels = try #require(try session.territorio(["catalogo", "ver", id, "--json"])["canales"]?.arrayValue)
                let main = channels.first { $0["principal"]?.boolValue == true }
                    ?? channels.first { $0["tipo"]?.stringValue == "telefono" }
                return try #require(main?["valor"]?.stringValue, "route \(id) has no main line")
            }

        }
    }
}
