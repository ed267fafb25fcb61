import Foundation
import Testing
import TerritorioModel

extension RealProcessTests.TmuxEndToEndTests {
    /// What a gestor who cannot see the screen, or whose terminal cannot draw one, relies on —
    /// and the safety nets every gestor has: the papelera and undo.
    @Suite("Accessible interface")
    struct AccessibleTests {
        @Test("TERM=dumb: no interface; the message names the commands that do the same work, exit 1")
        func dumbTerminal() throws {
            for term in ["dumb", "no-existe-esta-terminal"] {
                let session = try TmuxSession(environment: ["TERM": term])
                defer { session.stop() }
                try session.waitFor("estado=1", "no puede mover el cursor", "territorio catalogo buscar TEXTO…",
                                    "territorio novedad crear …", "terminal=restaurada")
                #expect(!FileManager.default.fileExists(atPath: session.dataDirectory + "/territorio.sqlite"),
                        "nothing is opened before the terminal is known to draw")
            }
        }

        @Test("accessible mode: the cursor sits on the selected row or field in the list, the results, the picker and the form; the route has no box")
        func cursorFollowsTheSelection() throws {
            let session = try TmuxSession.onCatalogue(environment: ["TERRITORIO_ACCESIBLE": "1"])
            defer { session.stop() }
            let first = try cursorOnMarkedRow(session)
            try session.press("Down", "Down")
            let moved = try cursorOnMarkedRow(session, not: first)
            #expect(moved.y == first.y + 4, "two routes of two rows each")

            try session.press("/")
            try session.type("violencia")
            try session.waitUntil("the cursor at the end of the search box") { screen in
                guard let cursor = try? session.cursor() else { return false }
                return Self.row(cursor.y, of: screen).hasPrefix(" Buscar: violencia") && screen.contains("Violencia")
            }
            try session.press("Down")
            _ = try cursorOnMarkedRow(session)

            try session.press("Enter")
            let route = try session.waitFor("Línea principal", "1. ")
            let drawing = route.unicodeScalars.filter { (0x2500...0x259F).contains($0.value) }
            #expect(drawing.isEmpty, "box-drawing or block characters on the route screen: \(String(String.UnicodeScalarView(drawing)))")
            try session.press("End", waitingFor: "Actualizada:")
            #expect(try session.screen().unicodeScalars.allSatisfy { !(0x2500...0x259F).contains($0.value) })

            try session.press("Escape", "Escape", "t")
            try session.waitFor("Filtrar por tema:")
            try session.press("Down", "Down")
            _ = try cursorOnMarkedRow(session, not: TerminalCursor(x: -1, y: 3))

            try session.press("Escape", "n")
            try session.waitFor("[Borradores (0)]")
            try session.press("n", waitingFor: "Nueva novedad")
            try session.press("Tab", "Tab")
            let field = try cursorOnMarkedRow(session)
            #expect(Self.row(field.y, of: try session.screen()).contains("Localidad"))
            try session.press("C-p")
            try session.type("encolar")
            let action = try cursorOnMarkedRow(session)
            #expect(Self.row(action.y, of: try session.screen()).contains("Encolar para enviar"))
            try session.quit(after: "Escape", "Escape", "Escape")
        }

        @Test("«Accesible» in the Perfil screen applies at once: no box drawing and the cursor on the selection; «no» brings them back")
        func profileToggleAppliesAtOnce() throws {
            let session = try TmuxSession.onCatalogue()
            defer { session.stop() }
            #expect(Self.hasDrawing(try session.screen()), "the list's rule is drawn")
            try setAccessible("si", in: session)
            try session.waitFor("Perfil guardado.")
            try session.waitUntil("the profile without box drawing") { !Self.hasDrawing($0) }
            try session.press("Escape")
            try session.waitUntil("the list without box drawing") { $0.contains(" rutas") && !Self.hasDrawing($0) }
            try cursorOnMarkedRow(session)
            try session.press("Enter", waitingFor: "Línea principal", "1. ")
            #expect(!Self.hasDrawing(try session.screen()), "the route as plain lines")
            #expect(try session.territorio(["perfil", "--json"])["accesible"] == .bool(true), "and the next start too")

            try session.press("Escape")
            try setAccessible("no", in: session)
            try session.waitFor("Perfil guardado.")
            try session.press("Escape")
            try session.waitUntil("the list's rule again") { $0.contains(" rutas") && Self.hasDrawing($0) }
            try session.quit()
        }

        /// Opens the Perfil screen, writes `value` in «Accesible» and saves with Ctrl-S.
        private func setAccessible(_ value: String, in session: TmuxSession) throws {
            try session.press("p", waitingFor: "Perfil del gestor")
            for _ in 0..<5 { try session.press("Tab") }
            try session.press("BSpace", "BSpace")
            try session.type(value)
            try session.press("C-s")
        }

        private static func hasDrawing(_ screen: String) -> Bool {
            screen.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) }
        }

        /// Waits until the terminal's cursor is on the row marked ▸ (and not at `previous`); returns it.
        @discardableResult
        private func cursorOnMarkedRow(_ session: TmuxSession, not previous: TerminalCursor? = nil,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws -> TerminalCursor {
            var found: TerminalCursor?
            try session.waitUntil("the cursor on the row marked ▸", sourceLocation: sourceLocation) { screen in
                guard let cursor = try? session.cursor(), cursor != previous else { return false }
                found = cursor
                return Self.row(cursor.y, of: screen).contains("▸")
            }
            return try #require(found)
        }

        private static func row(_ y: Int, of screen: String) -> String {
            let rows = screen.components(separatedBy: "\n")
            return rows.indices.contains(y) ? rows[y] : ""
        }

        @Test(": then part of an action's name and Enter runs it; Ctrl-P opens it while typing a search")
        func palette() throws {
            let session = try TmuxSession.onCatalogue()
            defer { session.stop() }
            try session.press(":", waitingFor: "Acción:", "Enter ejecutar")
            try session.type("perfíl", waitingFor: " ▸ El perfil del gestor")
            try session.press("Enter", waitingFor: "Perfil del gestor")
            try session.press("Escape", "/")
            try session.waitFor("Enter abrir")
            try session.press("C-p")
            try session.type("novedades")
            try session.press("Enter", waitingFor: "[Borradores (0)]")
            try session.quit()
        }

        @Test("b b sends a draft to the papelera; u brings it back; `novedad restaurar` too")
        func undoDeletion() throws {
            let session = try TmuxSession.onCatalogue()
            defer { session.stop() }
            let draft = try session.territorio(["novedad", "crear", "--barrio", "Patio Bonito", "--json"])
            let id = try #require(draft["id"]?.stringValue)
            let short = String(id.prefix(8))
            try session.press("n", waitingFor: "[Borradores (1)]", short)
            try session.press("b", "b")
            try session.waitFor("Borrador \(short) llevado a la papelera", "[Borradores (0)]", "u deshacer  Tab pestaña")
            #expect(try session.territorio(["novedades", "--papelera", "--json"]).arrayValue?.count == 1)
            try session.press("u", waitingFor: "Borrador \(short) restaurado.", "[Borradores (1)]")
            #expect(try !session.screen().contains("u deshacer"))

            try session.press("b", "b")
            try session.waitFor("[Borradores (0)]")
            try session.quit()
            #expect(try session.territorio(["novedades", "--json"]).arrayValue?.isEmpty == true)
            let restored = try session.territorio(["novedad", "restaurar", String(id.prefix(4)), "--json"])
            #expect(restored["estado"]?.stringValue == "borrador" && restored["barrio"]?.stringValue == "Patio Bonito")
            #expect(try session.territorio(["novedades", "--json"]).arrayValue?.first?["id"]?.stringValue == id)
        }
    }
}
