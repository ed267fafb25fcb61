import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI

/// The command palette: generated from the action table, filtered by name ignoring accents and
/// case, and running the marked action where the gestor opened it.
@Suite("Command palette")
struct PaletteTests {
    @Test("every entry comes from the action table: the screen's own actions with their keys, then the global ones")
    func entriesFromTheTable() throws {
        let list = PaletteEntry.all(for: .list)
        let first = try #require(list.first)
        #expect(first.action == .search && first.name == "Buscar: escribir para filtrar las rutas" && first.keys == "/" && !first.runsOnRoot)
        #expect(Set(PaletteEntry.globalActions).isSubset(of: Set(list.map(\.action))))
        #expect(!list.contains { $0.action == .palette })
        for context in KeyContext.allCases where context != .tooSmall && context != .palette {
            let entries = PaletteEntry.all(for: context)
            #expect(Set(entries.map(\.action)).count == entries.count, "\(context): each action once")
            for entry in entries where !entry.runsOnRoot {
                let bound = ActionSpec.all.contains { $0.action == entry.action && $0.contexts.contains(context) }
                #expect(bound || [.help, .quit, .syncNow].contains(entry.action), "\(context): \(entry.name)")
            }
        }
        let form = PaletteEntry.all(for: .form)
        #expect(form.contains { $0.action == .enqueue && $0.keys == "Ctrl-Q" && !$0.runsOnRoot })
        #expect(form.contains { $0.action == .showNovedades && $0.runsOnRoot })
    }

    @Test("typing filters by name, accents and case ignored, the best match first")
    func matching() {
        let entries = PaletteEntry.all(for: .novedades)
        #expect(PaletteEntry.matching("", in: entries) == entries)
        #expect(PaletteEntry.matching("ENCOLAR", in: entries).first?.action == .enqueue)
        #expect(PaletteEntry.matching("sincronizacion", in: entries).isEmpty)
        #expect(PaletteEntry.matching("sincro", in: entries).first?.action == .syncNow)
        #expect(PaletteEntry.matching("pestana sig", in: entries).map(\.action) == [.nextTab])
        #expect(PaletteEntry.matching("borrar", in: entries).first?.action == .deleteNovedad, "the name starting with it first")
        #expect(PaletteEntry.matching("perfil", in: entries).first?.action == .showProfile, "then a word starting with it")
        #expect(PaletteEntry.matching("perfíl", in: PaletteEntry.all(for: .detail)).first?.action == .showProfile)
    }

    @Test(": then part of a name and Enter runs it; Ctrl-P in a text field; Esc closes and changes nothing")
    func runsTheMarkedAction() throws {
        let store = try InterfaceFixtures.store()
        let terminal = HeadlessTerminal(size: InterfaceScriptTests.size, script: [
            .keys([.character(":")]), .capture,
            .keys(InterfaceFixtures.typing("novedádes")), .capture,
            .keys([.enter]), .capture,
            .keys([.escape, .character("/"), .control("p")] + InterfaceFixtures.typing("terminar")), .capture,
            .keys([.escape]), .capture,
            .keys([.control("p")] + InterfaceFixtures.typing("salir") + [.enter]),
            .keys([.character("x")]),
        ])
        InterfaceLoop.run(try InterfaceFixtures.app(store: store, novedades: NovedadFixtures.all), on: terminal)
        let screens = terminal.captures
        try #require(screens.count == 5)
        #expect(screens[0].contains("Acción:") && screens[0].contains(" ▸ Buscar: escribir para filtrar las rutas"))
        #expect(screens[0].contains("Enter ejecutar"))
        #expect(screens[1].contains(" ▸ Ver las novedades") && !screens[1].contains("Buscar: escribir"))
        #expect(screens[2].contains("[Borradores (2)]"))
        #expect(screens[3].contains("Acción: terminar") && screens[3].contains(" ▸ Dejar de escribir"))
        #expect(screens[4].contains("Buscar: "), "Esc closed the palette only")
        #expect(terminal.captures.count == 5, "salir ended the loop before x")
    }
}
