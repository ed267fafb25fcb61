import Testing
@testable import TerritorioModel
@testable import TerritorioTUI

/// The form's yes/no marks drawn as text, not colour: a draft whose consent and child mark are stored.
extension ScreenSnapshotTests {
    @Test("accessible mode: the citizen's marks in the form read as text, «[x] sí» and «[ ] no»")
    func novedadFormMarksAccessible() throws {
        var draft = NovedadFixtures.all[1]
        draft.contact = CitizenContact(consent: Consent(textVersion: "aviso-2026", takenBy: "Ana Gómez", takenAt: "2026-11-21T14:10:00Z"),
                                       concernsAChild: true)
        let app = try InterfaceFixtures.app(store: store, novedades: [draft])
        app.accessible = true
        InterfaceFixtures.press([.character("n"), .enter] + [Key](repeating: .tab, count: 13), on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "formulario-marcas-accesible-80x24")
    }
}
