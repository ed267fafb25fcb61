import Foundation
import Testing
import TerritorioModel

extension RealProcessTests.TmuxEndToEndTests {
    /// Ley 1581 de 2012 in the real interface: the disk's encryption on the Perfil screen, and the
    /// citizen's name refused in the form until the consent's version is written, then marked as a
    /// child's data with Space.
    @Suite("Personal data in the interface")
    struct PersonalDataTests {
        @Test("Perfil says the disk is not encrypted; the citizen's name waits for the consent, then is marked a child's; `novedad ver --json` agrees")
        func consentFirstAndDiskNotice() throws {
            let session = try TmuxSession.onCatalogue()
            defer { session.stop() }
            #expect(!(try session.screen()).contains("cifrado"), "only the Perfil screen says it")

            try session.press("p", waitingFor: "Perfil del gestor")
            if DiskEncryption.of(DataDirectory(path: session.dataDirectory)).notice != nil {
                try session.waitFor("⚠ El disco no está cifrado (o no se pudo comprobar): si pierde el")
            }
            try session.type("Ana Gómez")
            try session.press("Escape", waitingFor: "gestor: Ana Gómez")

            try session.openNewForm()
            for _ in 0..<7 { try session.press("Tab") }
            try session.type("Señora mayor sola en el andén, pide orientación.", waitingFor: "pide orientación.")
            // Descripción → Fotos → Autorización → Ciudadano: the name first is refused.
            try session.press("Tab", "Tab", "Tab")
            try session.type("Rosa", waitingFor: "Primero la autorización: la versión del texto leído al ciudadano")
            #expect(!(try session.screen()).contains("Rosa"))

            try session.press("BTab")
            try session.type("aviso-2026")
            try session.press("Tab")
            try session.type("Rosa Díaz", waitingFor: "Rosa Díaz")
            // Ciudadano → Teléfono → Datos sensibles → Datos de menor: Space marks it.
            try session.press("Tab", "Tab", "Tab", "Space")
            try session.waitFor("Datos de menor  [x] sí")
            try session.quit(after: "Escape", "Escape")

            let list = try session.territorio(["novedades", "--json"]).arrayValue ?? []
            let id = try #require(list.first?["id"]?.stringValue)
            let novedad = try session.territorio(["novedad", "ver", id, "--json"])
            #expect(novedad["contacto"]?["nombre"]?.stringValue == "Rosa Díaz")
            #expect(novedad["contacto"]?["consentimiento"]?["version_texto"]?.stringValue == "aviso-2026")
            #expect(novedad["contacto"]?["consentimiento"]?["tomado_por"]?.stringValue == "Ana Gómez")
            #expect(novedad["contacto"]?["datos_de_menor"]?.boolValue == true)
            #expect(novedad["contacto"]?["datos_sensibles"]?.boolValue == false)
        }
    }
}
