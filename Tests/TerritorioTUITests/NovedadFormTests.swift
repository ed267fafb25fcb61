import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// The novedad form, the Novedades screen's actions, the profile and "reportar novedad", driven
/// key by key over a real store, as the loop drives them.
@Suite("Novedad form")
struct NovedadFormTests {
    /// Tab presses from the type (the first field) to each field.
    static let toLocalidad = [Key](repeating: .tab, count: 2)
    static let toDescription = [Key](repeating: .tab, count: 7)
    static let toPhotos = [Key](repeating: .tab, count: 8)

    @Test("a new novedad in Spanish: type and localidad picked by partial names without accents, saved within a second")
    func typeAndPick() throws {
        let harness = try FormHarness()
        harness.press([.character("n")])
        harness.type("violencia contra")
        #expect(harness.screen().contains("Violencia contra una mujer"))
        harness.press([.enter])
        harness.press(Self.toLocalidad)
        harness.type("bolivar")
        harness.press([.enter, .tab])
        harness.type("La Estancia")
        harness.press([.tab, .tab, .tab, .tab])
        let text = "¿Niña de 8 años sola? ¡Sí! Está en la esquina del caño, pide ayuda."
        harness.type(text)
        #expect(harness.novedades.first?.description == "", "picks are saved at once, typing once the gestor pauses")
        harness.wait(0.6)
        let saved = try #require(harness.novedades.first)
        #expect(saved.description == text)
        #expect(saved.type == "violencia-mujer")
        #expect(saved.entity == "sdmujer", "the type brings its entity")
        #expect(saved.localidad == "ciudad-bolivar")
        #expect(saved.neighborhood == "La Estancia")
        let screen = harness.screen()
        #expect(screen.contains("Borrador \(saved.id.prefix(8)) · guardado"))
        #expect(screen.contains("borradores 1"), "the header counts the new draft")
    }

    @Test("typing goes on: the draft is saved at least once a second")
    func autosaveWhileTyping() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + Self.toDescription)
        for word in ["Hay", "tres", "jóvenes", "bajo", "el", "puente"] {
            harness.type(word + " ")
            harness.wait(0.3)
        }
        #expect(harness.novedades.first?.description.hasPrefix("Hay tres jóvenes") == true)
    }

    @Test("Esc saves at once and leaves; nothing typed is lost")
    func escapeSaves() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Escrito y salgo de inmediato.")
        harness.press([.escape])
        #expect(harness.novedades.first?.description == "Escrito y salgo de inmediato.")
        #expect(harness.screen().contains("[Borradores (1)]"))
    }

    @Test("Esc on an untouched new form leaves no empty draft")
    func escapeUntouched() throws {
        let harness = try FormHarness()
        harness.press([.character("n"), .escape])
        #expect(harness.novedades.isEmpty)
    }

    @Test("Ctrl-Q with fields missing shows each problem next to its field and queues nothing; completed, it queues")
    func enqueueWithProblems() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Muy corto")
        harness.press([.control("q")])
        var screen = harness.screen()
        #expect(screen.contains("⚠ falta el tipo de novedad"))
        #expect(screen.contains("⚠ falta la localidad"))
        #expect(screen.contains("⚠ la descripción es muy corta: 9 caracteres de al menos 20"))
        #expect(screen.contains("Aún no se puede encolar"))
        #expect(harness.novedades.first?.state == .borrador)

        // The focus went to the first problem: the type.
        harness.type("hueco")
        harness.press([.enter] + Self.toLocalidad)
        harness.type("kennedy")
        harness.press([.enter])
        screen = harness.screen()
        #expect(!screen.contains("falta el tipo"), "problems follow the fields as they are completed")
        #expect(!screen.contains("falta la localidad"))
        harness.press([.tab, .tab, .tab, .tab, .tab, .end])
        harness.type(" en la calle 26 con carrera 68, frente al colegio.")
        harness.press([.control("q")])
        let queued = try #require(harness.novedades.first)
        #expect(queued.state == .enCola)
        #expect(queued.type == "hueco-via" && queued.localidad == "kennedy")
        screen = harness.screen()
        #expect(screen.contains("en cola: se enviará al sincronizar"))
        #expect(screen.contains("en cola 1"))
    }

    @Test("without a profile the form says so under its title, and F2 opens it")
    func missingProfile() throws {
        let harness = try FormHarness(profile: nil)
        harness.press([.character("n"), .control("q")])
        #expect(harness.screen().contains("⚠ Falta el perfil del gestor (nombre y entidad): F2 para completarlo."))
        harness.press([.function(2)])
        #expect(harness.screen().contains("Perfil del gestor"))
    }

    @Test("photos: attached through the picker, listed with size, dimensions and location; Supr removes one, Ctrl-Z puts it back")
    func photos() throws {
        let photos = try TemporaryFolder()
        try Data(PNGBuilder.bytes(width: 4, height: 3)).write(to: URL(fileURLWithPath: photos.path + "/foto.png"))
        let harness = try FormHarness(environment: ["TERRITORIO_FOTOS": photos.path])
        harness.press([.character("n")] + Self.toPhotos + [.enter])
        harness.type("foto.png")
        harness.press([.enter])
        let screen = harness.screen()
        #expect(screen.contains("foto.png · "))
        #expect(screen.contains("4×3 · sin ubicación"))
        let draft = try #require(harness.novedades.first)
        #expect(draft.attachments.map(\.name) == ["foto.png"])
        harness.press([.delete])
        #expect(harness.novedades.first?.attachments.isEmpty == true)
        #expect(harness.screen().contains("Se quitó la foto «foto.png»."))
        #expect(harness.screen().contains("Ctrl-Z deshacer"))
        harness.type("z")
        #expect(harness.novedades.first?.attachments.isEmpty == true, "z is text in the form")
        harness.press([.control("z")])
        #expect(harness.novedades.first?.attachments == draft.attachments)
        #expect(harness.screen().contains("4×3 · sin ubicación"))
        #expect(!harness.screen().contains("deshacer"))
    }

    @Test("population groups: several marked in one list, Esc ends")
    func populationGroups() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + [Key](repeating: .tab, count: 6))
        harness.type("mujer")
        harness.press([.enter])
        harness.type("mayores")
        harness.press([.enter, .escape, .control("s")])
        #expect(harness.novedades.first?.populationGroups == ["mujeres", "personas-mayores"])
        #expect(harness.screen().contains("Mujeres, Personas mayores"))
    }

    @Test("Ctrl-E hands the description to $EDITOR and takes back what it saved")
    func externalEditor() throws {
        let tools = try TemporaryFolder()
        // It fails when it can take its file's lock: the file must stay held while it is open.
        let editor = try tools.executable("editor.sh",
            "#!/bin/sh\nif flock -n \"$1.bloqueo\" true; then exit 3; fi\nprintf 'Texto del editor externo, con eñe y tildes: camión.\\n' > \"$1\"\n")
        let harness = try FormHarness(environment: ["EDITOR": editor])
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Texto inicial que el editor reemplaza.")
        harness.press([.control("e")])
        #expect(harness.novedades.first?.description == "Texto del editor externo, con eñe y tildes: camión.")
        #expect(harness.screen().contains("Descripción tomada del editor."))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.folder.path + "/datos/tmp")
        #expect(leftovers == [".bloqueo"], "the description's temporary file and its lock are removed; the folder's lock stays")
    }

    @Test("an editor that cannot be found leaves the description as it was")
    func missingEditor() throws {
        let harness = try FormHarness(environment: ["EDITOR": "/no/existe/editor"])
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Se queda como está.")
        harness.press([.control("e")])
        #expect(harness.novedades.first?.description == "Se queda como está.")
        #expect(harness.screen().contains("La descripción no cambió"))
    }

    // MARK: - The Novedades screen's actions

    private func completeDraft(_ harness: FormHarness) throws -> Novedad {
        var changes = NovedadChanges()
        changes.type = "hueco-via"
        changes.localidad = "kennedy"
        changes.description = "Hueco profundo en la calzada frente al colegio distrital."
        return try harness.store.novedades().create(changes)
    }

    @Test("e queues a draft, d returns it, b asks and then deletes")
    func lifecycleKeys() throws {
        let harness = try FormHarness()
        let draft = try completeDraft(harness)
        let short = String(draft.id.prefix(8))
        harness.press([.escape])  // nothing to leave: the Novedades screen is the root
        harness.app.top.reappeared()
        harness.press([.character("e")])
        #expect(harness.screen().contains("Novedad \(short) en cola"))
        #expect(harness.novedades.first?.state == .enCola)
        harness.press([.tab, .character("d")])
        #expect(harness.novedades.first?.state == .borrador)
        harness.press([.backTab, .character("b")])
        #expect(harness.screen().contains("¿Borrar el borrador \(short)?"))
        harness.press([.down])
        #expect(harness.novedades.count == 1, "another key keeps it")
        harness.press([.character("b"), .character("b")])
        #expect(harness.novedades.isEmpty)
        #expect(harness.screen().contains("Borrador \(short) llevado a la papelera."))
        #expect(harness.screen().contains("u deshacer"))
        harness.press([.character("u")])
        #expect(harness.novedades.map(\.id) == [draft.id])
        #expect(harness.screen().contains("Borrador \(short) restaurado."))
        #expect(!harness.screen().contains("u deshacer"))
    }

    @Test("while background sync sends a novedad, its row shows the photo's bytes and the time left")
    func sendingProgress() throws {
        let harness = try FormHarness()
        let draft = try completeDraft(harness)
        _ = try harness.store.novedades().enqueue(draft.id)
        harness.desk.syncLine = { "sincronizando: Novedad \(draft.id.prefix(8)): foto 1 de 3: 420 KB de 3,1 MB · faltan unos 9 min" }
        harness.app.top.reappeared()
        harness.press([.tab])
        #expect(harness.screen().contains("enviando foto 1 de 3: 420 KB de 3,1 MB · faltan unos 9 min"), "\(harness.screen())")
        harness.desk.syncLine = { nil }
        harness.press([.down])
        #expect(harness.screen().contains("Intentos: 0"), "\(harness.screen())")
    }

    @Test("c on a rejected novedad opens a new draft correcting it")
    func correctRejected() throws {
        let harness = try FormHarness()
        let draft = try completeDraft(harness)
        let store = try harness.store.novedades()
        _ = try store.enqueue(draft.id)
        try store.beginSending(draft.id)
        try store.recordRejected(draft.id, reason: "La dirección no corresponde a la localidad.")
        harness.app.top.reappeared()
        harness.press([.backTab])
        #expect(harness.screen().contains("Motivo: La dirección no corresponde a la localidad."))
        harness.press([.character("c")])
        let correction = try #require(harness.novedades.first { $0.corrects == draft.id })
        #expect(harness.screen().contains("Borrador \(correction.id.prefix(8))"))
        #expect(harness.screen().contains("Hueco profundo en la calzada"))
    }

    @Test("e on an incomplete draft says what is missing")
    func enqueueIncompleteFromList() throws {
        let harness = try FormHarness()
        _ = try harness.store.novedades().create(NovedadChanges())
        harness.app.top.reappeared()
        harness.press([.character("e")])
        #expect(harness.screen().contains("Aún no se puede encolar: falta el tipo de novedad"))
    }

    // MARK: - From a route, and the profile

    @Test("r in a route opens a draft about it with its type and entity")
    func reportFromRoute() throws {
        let harness = try FormHarness()
        let route = try #require(try harness.store.catalogue.ruta(id: "violencia-mujer-peligro-inmediato"))
        let changes = RouteReport.changes(for: route, references: harness.desk.references)
        #expect(changes.route == route.id && changes.type == "violencia-mujer" && changes.entity == "sdmujer")
        let detail = RouteDetailScreen(ruta: route, references: harness.desk.references, desk: harness.desk)
        guard case .push(let form) = detail.handle(.reportNovedad) else {
            Issue.record("r should open the form")
            return
        }
        let app = App(root: form, header: HeaderInfo(), about: InterfaceFixtures.about)
        #expect(InterfaceFixtures.frame(app, FormHarness.size).text.contains("Violencia contra una mujer"))
        InterfaceFixtures.press([.tab, .tab, .tab] + InterfaceFixtures.typing("Suba") + [.escape], on: app, size: FormHarness.size)
        let saved = try #require(harness.novedades.first)
        #expect(saved.route == route.id && saved.type == "violencia-mujer" && saved.neighborhood == "Suba")
    }

    @Test("the profile: typed and saved; a bad server address is refused next to its field; the token is masked")
    func profile() throws {
        let harness = try FormHarness(profile: nil) { ProfileScreen(desk: $0) }
        harness.type("Ana María Gómez")
        harness.press([.tab])
        harness.type("integracion")
        harness.press([.enter, .tab, .tab])
        harness.type("ftp://servidor")
        harness.press([.tab])
        harness.type("secreto-123")
        harness.wait(0.6)
        let screen = harness.screen()
        #expect(screen.contains("•••••••••••"))
        #expect(!screen.contains("secreto-123"))
        #expect(screen.contains("⚠"), "the server's problem is shown")
        let profile = try ProfileStore(database: harness.store.database).load()
        #expect(profile.name == "Ana María Gómez")
        #expect(profile.entity == "sdis")
        #expect(profile.token == "secreto-123")
        #expect(profile.server == nil)
    }
}

extension NovedadFormTests {
    /// From Fotos, the consent («Autorización»), the citizen's name, the phone.
    static let toConsent = [Key](repeating: .tab, count: 9)

    @Test("the citizen's name and phone are refused until the consent's version is written first")
    func consentFirst() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Persona mayor sola en la esquina, pide ayuda.")
        harness.press([.tab, .tab, .tab])
        harness.type("Rosa")
        #expect(harness.screen().contains(NovedadFormScreen.consentFirst))
        harness.press([.tab])
        harness.type("300 555 1234")
        harness.wait(1.5)
        let draft = try #require(harness.novedades.first)
        #expect(draft.contact == nil, "nothing of it was taken or saved")
        #expect(!harness.screen().contains("Rosa") && !harness.screen().contains("555 1234"))

        harness.press([.backTab, .backTab])
        harness.type("aviso-2026")
        harness.press([.tab])
        harness.type("Rosa Díaz")
        harness.press([.tab])
        harness.type("300 555 1234")
        harness.wait(1.5)
        let contact = try #require(harness.novedades.first?.contact)
        #expect(contact.name == "Rosa Díaz" && contact.phone == "300 555 1234")
        #expect(contact.consent?.textVersion == "aviso-2026" && contact.consent?.takenBy == "Ana Gómez")

        // While a name or phone is there the consent cannot be erased.
        harness.press([.backTab, .backTab, .control("u")])
        #expect(harness.screen().contains(NovedadFormScreen.consentFirst))
        harness.wait(1.5)
        #expect(harness.novedades.first?.contact?.consent?.textVersion == "aviso-2026")
    }
}

extension NovedadFormTests {
    /// From the type to «Datos sensibles» (then «Datos de menor»).
    static let toSensitive = [Key](repeating: .tab, count: 12)

    /// The screen's row of the field labelled `label`, from the label on, spaces squeezed.
    private func row(_ label: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(label) }.map { line in
            String(line[line.range(of: label)!.lowerBound...]).split(separator: " ").joined(separator: " ")
        }
    }

    @Test("the marks of sensitive and a child's data: refused before the consent, Space and Enter toggle them, saved and shown again")
    func marks() throws {
        let harness = try FormHarness()
        harness.press([.character("n")] + Self.toDescription)
        harness.type("Niña de 8 años sola en la esquina, pide ayuda.")
        harness.press([.tab, .tab, .tab, .tab, .tab])
        #expect(row("Datos sensibles", in: harness.screen()) == "Datos sensibles [ ] no Espacio la pone")
        #expect(harness.screen().contains("Espacio marcar"), "the footer offers the key while a mark has the focus")
        #expect(PaletteEntry.all(for: .form).contains { $0.action == .toggleMark && $0.keys == "Espacio Enter" })
        harness.press([.character(" ")])
        #expect(harness.screen().contains(NovedadFormScreen.consentFirst))
        harness.press([.tab, .enter])
        #expect(harness.screen().contains(NovedadFormScreen.consentFirst))
        harness.wait(1.5)
        #expect(try #require(harness.novedades.first).contact == nil, "nothing of it was taken or saved")
        #expect(row("Datos de menor", in: harness.screen())?.hasPrefix("Datos de menor [ ] no") == true)

        harness.press([.backTab, .backTab, .backTab, .backTab])
        harness.type("aviso-2026")
        harness.press([.tab, .tab, .tab, .character(" "), .tab, .enter])
        let screen = harness.screen()
        #expect(row("Datos sensibles", in: screen) == "Datos sensibles [x] sí")
        #expect(row("Datos de menor", in: screen) == "Datos de menor [x] sí Espacio la quita")
        harness.wait(1.5)
        let contact = try #require(harness.novedades.first?.contact)
        #expect(contact.includesSensitiveData && contact.concernsAChild && contact.consent?.textVersion == "aviso-2026")

        // While a mark is on the consent cannot be erased.
        harness.press([.backTab, .backTab, .backTab, .backTab, .control("u")])
        #expect(harness.screen().contains(NovedadFormScreen.consentFirst))
        harness.wait(1.5)
        #expect(harness.novedades.first?.contact?.consent?.textVersion == "aviso-2026")

        // Reopened, the draft shows them; one turned off is saved off.
        harness.press([.escape, .enter])
        let reopened = harness.screen()
        #expect(row("Datos sensibles", in: reopened) == "Datos sensibles [x] sí")
        #expect(row("Datos de menor", in: reopened) == "Datos de menor [x] sí")
        harness.press(Self.toSensitive + [.character(" "), .escape])
        let saved = try #require(harness.novedades.first?.contact)
        #expect(!saved.includesSensitiveData && saved.concernsAChild)
    }

    @Test("in accessible mode a mark reads as text, «[x] sí» or «[ ] no», with its key")
    func marksAccessible() throws {
        let harness = try FormHarness()
        harness.app.accessible = true
        harness.press([.character("n")] + Self.toConsent)
        harness.type("aviso-2026")
        harness.press([.tab, .tab, .tab, .character(" "), .tab])
        let screen = harness.screen()
        #expect(row("Datos sensibles", in: screen) == "Datos sensibles [x] sí")
        #expect(row("Datos de menor", in: screen) == "Datos de menor [ ] no Espacio la pone")
    }
}

extension NovedadFormTests {
    @Test("the Perfil screen, and only it, says when the data directory's disk is not encrypted")
    func diskNotice() throws {
        let novedades = try FormHarness()
        #expect(!novedades.screen().contains("cifrado"))
        novedades.press([.character("n")])
        #expect(!novedades.screen().contains("cifrado"))
        let harness = try FormHarness { ProfileScreen(desk: $0) }
        let disk = DiskEncryption.of(harness.store.directory)
        let screen = harness.screen()
        #expect(screen.contains("Perfil del gestor"))
        if disk.notice != nil {
            #expect(screen.contains("⚠ El disco no está cifrado (o no se pudo comprobar): si pierde el equipo"), "\(screen)")
        } else {
            #expect(!screen.contains("no está cifrado"))
        }
    }
}
