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

        @Test(": then part of an action's name and Enter runs it; Ctrl-P opens it while typing a search")
        func palette() throws {
            let session = try TmuxSession()
            defer { session.stop() }
            try session.waitFor(CatalogueInfo.sampleWarning, " rutas")
            try session.press(":")
            try session.waitFor("Acción:", "Enter ejecutar")
            try session.type("perfíl")
            try session.waitFor(" ▸ El perfil del gestor")
            try session.press("Enter")
            try session.waitFor("Perfil del gestor")
            try session.press("Escape", "/")
            try session.waitFor("Enter abrir")
            try session.press("C-p")
            try session.type("novedades")
            try session.press("Enter")
            try session.waitFor("[Borradores (0)]")
            try session.press("q")
            try session.waitFor("estado=0", "terminal=restaurada")
        }

        @Test("b b sends a draft to the papelera; u brings it back; `novedad restaurar` too")
        func undoDeletion() throws {
            let session = try TmuxSession()
            defer { session.stop() }
            try session.waitFor(CatalogueInfo.sampleWarning, " rutas")
            let draft = try session.territorio(["novedad", "crear", "--barrio", "Patio Bonito", "--json"])
            let id = try #require(draft["id"]?.stringValue)
            let short = String(id.prefix(8))
            try session.press("n")
            try session.waitFor("[Borradores (1)]", short)
            try session.press("b", "b")
            try session.waitFor("Borrador \(short) llevado a la papelera", "[Borradores (0)]", "u deshacer  Tab pestaña")
            #expect(try session.territorio(["novedades", "--papelera", "--json"]).arrayValue?.count == 1)
            try session.press("u")
            try session.waitFor("Borrador \(short) restaurado.", "[Borradores (1)]")
            #expect(try !session.screen().contains("u deshacer"))

            try session.press("b", "b")
            try session.waitFor("[Borradores (0)]")
            try session.press("q")
            try session.waitFor("estado=0", "terminal=restaurada")
            #expect(try session.territorio(["novedades", "--json"]).arrayValue?.isEmpty == true)
            let restored = try session.territorio(["novedad", "restaurar", String(id.prefix(4)), "--json"])
            #expect(restored["estado"]?.stringValue == "borrador" && restored["barrio"]?.stringValue == "Patio Bonito")
            #expect(try session.territorio(["novedades", "--json"]).arrayValue?.first?["id"]?.stringValue == id)
        }
    }
}
