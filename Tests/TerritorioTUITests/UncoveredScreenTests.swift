import Testing
@testable import TerritorioTUI

/// A screen under another keeps the size it was last laid out at; when the terminal changed
/// size meanwhile, it must work and draw at the new one as soon as it is on top again — also
/// for keys already typed before the next frame and for an action the palette runs on it.
@Suite("A screen uncovered after a resize")
struct UncoveredScreenTests {
    static let before = Size(columns: 80, rows: 24)
    static let after = Size(columns: 60, rows: 14)

    private func list() -> App {
        InterfaceFixtures.app(source: SyntheticRouteSource(count: 1_000), size: 1_000)
    }

    /// The list laid out at `before`, `opening` pushes a screen over it, the terminal shrinks
    /// to `after` and a frame shows that screen.
    private func covered(by opening: [Key]) throws -> App {
        let app = list()
        InterfaceFixtures.press(opening, on: app, size: Self.before)
        #expect(app.handle(.resize, size: Self.after))
        let over = InterfaceFixtures.frame(app, Self.after)
        try #require(!over.text.contains("Ruta generada número 1"), "the list is covered: \(over.text)")
        return app
    }

    /// What `app` draws at `after` is what a list that was always that size draws after one AvPág:
    /// paged by its new height, nothing past the new width, the footer on the new last row.
    private func expectPagedAtNewSize(_ app: App) {
        let uncovered = InterfaceFixtures.frame(app, Self.after)
        let always = list()
        InterfaceFixtures.press([.pageDown], on: always, size: Self.after)
        #expect(uncovered.text == InterfaceFixtures.frame(always, Self.after).text)
        #expect(uncovered.lines.count == Self.after.rows)
        #expect(uncovered.lines.allSatisfy { $0.count <= Self.after.columns })
        #expect(uncovered.lines.last?.contains("q salir") == true, "the footer on the new last row: \(uncovered.text)")
    }

    @Test("help over the list, resize, then Esc and AvPág typed before the next frame")
    func keysTypedTogether() throws {
        let app = try covered(by: [.character("?")])
        #expect(app.handle(.escape, size: Self.after))
        #expect(app.handle(.pageDown, size: Self.after))
        expectPagedAtNewSize(app)
    }

    @Test("the palette over the list, resize, then «Página siguiente» chosen in it")
    func actionFromThePalette() throws {
        let app = try covered(by: [.character(":")])
        InterfaceFixtures.press(InterfaceFixtures.typing("pagina siguiente") + [.enter], on: app, size: Self.after)
        expectPagedAtNewSize(app)
    }
}
