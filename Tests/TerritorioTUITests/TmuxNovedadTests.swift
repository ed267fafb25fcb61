import Foundation
import Testing
import TerritorioModel
import TerritorioTestSupport

extension RealProcessTests.TmuxEndToEndTests {
    /// Novedades written in the real interface, in a real terminal, checked afterwards with the
    /// command line on the same data directory.
    @Suite("Novedades in the interface")
    struct NovedadTests {
        static let description = "¿Dónde duerme la niña? ¡Nadie sabe! Señora con 3 niños en el andén, sin abrigo, pide ayuda."

        @Test("profile, a draft in Spanish, picks without accents, two photos, an inline problem, queued; `novedad ver --json` agrees")
        func writeAndQueue() throws {
            let photos = try TemporaryFolder()
            let png = PNGBuilder.bytes(width: 6, height: 4)
            let jpeg = JPEGBuilder.bytes(width: 640, height: 480)
            try Data(png).write(to: URL(fileURLWithPath: photos.path + "/foto.png"))
            try Data(jpeg).write(to: URL(fileURLWithPath: photos.path + "/camara.jpg"))
            let session = try TmuxSession(environment: ["TERRITORIO_FOTOS": photos.path])
            defer { session.stop() }
            try session.waitFor(CatalogueInfo.sampleWarning, " rutas")

            // The profile first: the author of every novedad.
            try session.press("p")
            try session.waitFor("Perfil del gestor")
            try session.type("Ana Gómez")
            try session.press("Tab")
            try session.type("integracion")
            try session.waitFor("Secretaría Distrital de Integración Social")
            try session.press("Enter")
            try session.waitFor("Nombre", "Secretaría Distrital de Integración Social")
            try session.press("Escape")
            try session.waitFor("gestor: Ana Gómez")

            try openNewForm(session)
            for _ in 0..<7 { try session.press("Tab") }
            try session.type(Self.description)
            try session.waitFor("pide ayuda.")
            try session.press("C-q")
            try session.waitFor("⚠ falta el tipo de novedad", "⚠ falta la localidad", "Aún no se puede encolar")

            // The focus went to the type: typed without accents, picked from the list.
            try session.type("nina")
            try session.waitFor("Niña, niño o adolescente en riesgo")
            try session.press("Enter")
            try session.press("Tab", "Tab")
            try session.type("bolivar")
            try session.waitFor("Ciudad Bolívar")
            try session.press("Enter")
            try session.waitUntil("the problems to go") { !$0.contains("falta el tipo") && !$0.contains("falta la localidad") }

            for _ in 0..<6 { try session.press("Tab") }
            for name in ["foto.png", "camara.jpg"] {
                try session.press("Enter")
                try session.waitFor("Ruta: ")
                try session.type(name)
                try session.press("Enter")
                try session.waitFor(name + " · ")
            }
            try session.waitFor("640×480 · sin ubicación", "6×4 · sin ubicación")

            try session.press("C-q")
            try session.waitFor("en cola: se enviará al sincronizar", "[Borradores (0)]", "en cola 1")
            try session.press("Tab")
            try session.waitFor("[En cola (1)]", "Niña, niño o adolescente")
            try session.press("q")
            try session.waitFor("estado=0", "terminal=restaurada")

            let list = try session.territorio(["novedades", "--json"]).arrayValue ?? []
            let id = try #require(list.first?["id"]?.stringValue)
            let novedad = try session.territorio(["novedad", "ver", id, "--json"])
            #expect(novedad["estado"]?.stringValue == "en_cola")
            #expect(novedad["descripcion"]?.stringValue == Self.description)
            #expect(novedad["tipo"]?.stringValue == "nna-riesgo")
            #expect(novedad["localidad"]?.stringValue == "ciudad-bolivar")
            #expect(novedad["autor"]?.stringValue == "Ana Gómez")
            let hashes = Set((novedad["adjuntos"]?.arrayValue ?? []).compactMap { $0["sha256"]?.stringValue })
            #expect(hashes == [SHA256.hex(of: SHA256.digest(of: png)), SHA256.hex(of: SHA256.digest(of: jpeg))])
        }

        @Test("autosave: a description typed, 1.5 s, SIGKILL; started again, the text is there")
        func autosaveSurvivesKill() throws {
            let session = try TmuxSession()
            defer { session.stop() }
            try session.waitFor(CatalogueInfo.sampleWarning, " rutas")
            try openNewForm(session)
            for _ in 0..<7 { try session.press("Tab") }
            let text = "Texto que sobrevive: el señor de la esquina necesita atención médica urgente."
            try session.type(text)
            try session.waitFor("atención médica")
            // What the issue asks: the gestor pauses 1.5 s, then the program dies without warning.
            Thread.sleep(forTimeInterval: 1.5)
            #expect(kill(try session.programID(), SIGKILL) == 0)
            try session.waitFor("estado=137")

            let again = try TmuxSession(dataDirectory: session.dataDirectory)
            defer { again.stop() }
            try again.waitFor(" rutas", "borradores 1")
            try again.press("n")
            try again.waitFor("[Borradores (1)]", "Texto que sobrevive: el señor")
            try again.press("Enter")
            try again.waitFor("Borrador ", "atención médica")
            try again.press("Escape", "Escape", "q")
            try again.waitFor("estado=0", "terminal=restaurada")
            let list = try again.territorio(["novedades", "--json"]).arrayValue ?? []
            #expect(list.first?["descripcion"]?.stringValue == text)
        }

        @Test("Ctrl-E: the interface hands the terminal to $EDITOR and comes back whole, with the edited description")
        func externalEditor() throws {
            let tools = try TemporaryFolder()
            let editor = tools.path + "/editor.sh"
            try "#!/bin/sh\nprintf '%s' 'Escrito en el editor: la señora pide orientación.' >> \"$1\"\n"
                .write(toFile: editor, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor)
            let session = try TmuxSession(environment: ["EDITOR": editor])
            defer { session.stop() }
            try session.waitFor(CatalogueInfo.sampleWarning, " rutas")
            try openNewForm(session)
            try session.press("C-e")
            try session.waitFor("Descripción tomada del editor.", "la señora pide orientación.", "Tab campo", "Fotos")
            try session.press("Escape", "Escape", "q")
            try session.waitFor("estado=0", "terminal=restaurada")
            let list = try session.territorio(["novedades", "--json"]).arrayValue ?? []
            #expect(list.first?["descripcion"]?.stringValue == "Escrito en el editor: la señora pide orientación.")
        }

        /// From the catalogue to a new, empty form: `n` twice.
        private func openNewForm(_ session: TmuxSession) throws {
            try session.press("n")
            try session.waitFor("[Borradores (0)]")
            try session.press("n")
            try session.waitFor("Nueva novedad")
        }
    }
}
