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
            let session = try TmuxSession.onCatalogue(environment: ["TERRITORIO_FOTOS": photos.path])
            defer { session.stop() }

            // The profile first: the author of every novedad.
            try session.press("p", waitingFor: "Perfil del gestor")
            try session.type("Ana Gómez")
            try session.press("Tab")
            try session.type("integracion", waitingFor: "Secretaría Distrital de Integración Social")
            try session.press("Enter", waitingFor: "Nombre", "Secretaría Distrital de Integración Social")
            try session.press("Escape", waitingFor: "gestor: Ana Gómez")

            try session.openNewForm()
            for _ in 0..<7 { try session.press("Tab") }
            try session.type(Self.description, waitingFor: "pide ayuda.")
            try session.press("C-q", waitingFor: "⚠ falta el tipo de novedad", "⚠ falta la localidad", "Aún no se puede encolar")

            // The focus went to the type: typed without accents, picked from the list.
            try session.type("nina", waitingFor: "Niña, niño o adolescente en riesgo")
            try session.press("Enter")
            try session.press("Tab", "Tab")
            try session.type("bolivar", waitingFor: "Ciudad Bolívar")
            try session.press("Enter")
            try session.waitUntil("the problems to go") { !$0.contains("falta el tipo") && !$0.contains("falta la localidad") }

            for _ in 0..<6 { try session.press("Tab") }
            for name in ["foto.png", "camara.jpg"] {
                try session.press("Enter", waitingFor: "Ruta: ")
                try session.type(name)
                try session.press("Enter", waitingFor: name + " · ")
            }
            try session.waitFor("640×480 · sin ubicación", "6×4 · sin ubicación")

            try session.press("C-q", waitingFor: "en cola: se enviará al sincronizar", "[Borradores (0)]", "en cola 1")
            try session.press("Tab", waitingFor: "[En cola (1)]", "Niña, niño o adolescente")
            try session.quit()

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
            let session = try TmuxSession.onCatalogue()
            defer { session.stop() }
            try session.openNewForm()
            for _ in 0..<7 { try session.press("Tab") }
            let text = "Texto que sobrevive: el señor de la esquina necesita atención médica urgente."
            try session.type(text, waitingFor: "atención médica")
            // What the issue asks: the gestor pauses 1.5 s, then the program dies without warning.
            Thread.sleep(forTimeInterval: 1.5)
            #expect(kill(try session.programID(), SIGKILL) == 0)
            try session.waitFor("estado=137")

            let again = try TmuxSession(dataDirectory: session.dataDirectory)
            defer { again.stop() }
            try again.waitFor(" rutas", "borradores 1")
            try again.press("n", waitingFor: "[Borradores (1)]", "Texto que sobrevive: el señor")
            try again.press("Enter", waitingFor: "Borrador ", "atención médica")
            try again.quit(after: "Escape", "Escape")
            let list = try again.territorio(["novedades", "--json"]).arrayValue ?? []
            #expect(list.first?["descripcion"]?.stringValue == text)
        }

        @Test("Ctrl-E: the interface hands the terminal to $EDITOR and comes back whole, with the edited description")
        func externalEditor() throws {
            let tools = try TemporaryFolder()
            let editor = try tools.executable("editor.sh",
                "#!/bin/sh\nprintf '%s' 'Escrito en el editor: la señora pide orientación.' >> \"$1\"\n")
            let session = try TmuxSession.onCatalogue(environment: ["EDITOR": editor])
            defer { session.stop() }
            try session.openNewForm()
            try session.press("C-e", waitingFor: "Descripción tomada del editor.", "la señora pide orientación.", "Tab campo", "Fotos")
            try session.quit(after: "Escape", "Escape")
            let list = try session.territorio(["novedades", "--json"]).arrayValue ?? []
            #expect(list.first?["descripcion"]?.stringValue == "Escrito en el editor: la señora pide orientación.")
        }
    }
}
