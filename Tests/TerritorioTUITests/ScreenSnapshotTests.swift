import Testing
import TerritorioModel
@testable import TerritorioTUI

/// Every screen rendered into a `CellGrid` at 80x24 and at a narrow size, compared with
/// `Snapshots/*.txt`. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshot`.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    static let standard = Size(columns: 80, rows: 24)
    static let narrow = Size(columns: 48, rows: 16)

    let store: Store
    let app: App

    init() throws {
        store = try InterfaceFixtures.store()
        app = try InterfaceFixtures.app(store: store)
    }

    private func snapshot(_ name: String, _ size: Size, sourceLocation: SourceLocation = #_sourceLocation) {
        assertSnapshot(InterfaceFixtures.frame(app, size), named: name, sourceLocation: sourceLocation)
    }

    // MARK: - Catalogue

    @Test("the catalogue list: header with the sample warning, filters, routes, footer")
    func catalogue() {
        snapshot("catalogo-80x24", Self.standard)
        snapshot("catalogo-48x16", Self.narrow)
    }

    @Test("searching «victima» without accent finds and marks «Víctima»")
    func search() {
        InterfaceFixtures.press([.character("/")] + InterfaceFixtures.typing("victima"), on: app, size: Self.standard)
        snapshot("catalogo-busqueda-80x24", Self.standard)
        let grid = InterfaceFixtures.frame(app, Self.standard)
        let row = grid.lines.firstIndex { $0.contains("Víctima del conflicto") }!
        let column = grid.lines[row].distance(from: grid.lines[row].startIndex, to: grid.lines[row].firstIndex(of: "V")!)
        #expect(grid[column, row].style == .selectedMatch)
    }

    @Test("a mistyped word is corrected, and the screen says so")
    func typo() {
        InterfaceFixtures.press([.character("/")] + InterfaceFixtures.typing("violensia "), on: app, size: Self.standard)
        snapshot("catalogo-corregida-80x24", Self.standard)
    }

    @Test("a search without results says so and how to widen it")
    func emptyResults() {
        InterfaceFixtures.press([.character("/")] + InterfaceFixtures.typing("zzzz"), on: app, size: Self.standard)
        snapshot("catalogo-sin-resultados-80x24", Self.standard)
        snapshot("catalogo-sin-resultados-48x16", Self.narrow)
    }

    @Test("long titles, wide and combining characters are cut with «…», never mid-character")
    func longAndWide() {
        InterfaceFixtures.press([.character("/")] + InterfaceFixtures.typing("titulo largo"), on: app, size: Self.standard)
        snapshot("catalogo-titulo-largo-80x24", Self.standard)
        snapshot("catalogo-titulo-largo-48x16", Self.narrow)
    }

    @Test("an empty catalogue says how to import one")
    func noRoutes() {
        let app = InterfaceFixtures.app(source: SyntheticRouteSource(count: 0), size: 0)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "catalogo-vacio-80x24")
    }

    @Test("100 000 routes: the end of the list, with only windows of rows ever asked for")
    func hundredThousand() {
        let source = SyntheticRouteSource(count: 100_000)
        let app = InterfaceFixtures.app(source: source, size: 100_000)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "catalogo-100000-80x24")
        InterfaceFixtures.press([.end, .up, .up], on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "catalogo-100000-fin-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrow), named: "catalogo-100000-fin-48x16")
        #expect(source.requests.allSatisfy { $0.limit <= 30 })
        #expect(source.requests.count < 10)
        let tall = InterfaceFixtures.frame(app, Size(columns: 80, rows: 60)).text
        #expect(tall.contains("Ruta generada número 99980") && !tall.contains("…\n"))
    }

    @Test("hostile catalogue text (control characters, repaired invalid UTF-8) is drawn harmlessly")
    func hostileText() {
        let invalid = String(decoding: [0x52, 0x75, 0x74, 0x61, 0xFF, 0xFE, 0x20, 0xC3], as: UTF8.self)
        let source = SyntheticRouteSource(count: 3) { index in
            RouteSummary(id: "r\(index)", title: ["Título\u{1B}[2J con escape", invalid, "Tab\taquí\u{7}"][index],
                         summary: "Línea uno\nlínea dos\r\u{0}fin")
        }
        let app = InterfaceFixtures.app(source: source, size: 3)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "catalogo-texto-hostil-80x24")
    }

    // MARK: - Route detail

    @Test("a route's first screen at 80x24 shows its main line; steps are numbered boxes")
    func detail() throws {
        InterfaceFixtures.press([.enter], on: app, size: Self.standard)
        snapshot("ruta-80x24", Self.standard)
        let grid = InterfaceFixtures.frame(app, Self.standard)
        #expect(grid.text.contains("Línea principal"))
        #expect(grid.text.contains("123"))
        InterfaceFixtures.press([.pageDown], on: app, size: Self.standard)
        snapshot("ruta-pasos-80x24", Self.standard)
        InterfaceFixtures.press([.end], on: app, size: Self.standard)
        snapshot("ruta-final-80x24", Self.standard)
    }

    @Test("a route at a narrow size, and one full of wide characters")
    func detailNarrow() {
        InterfaceFixtures.press([.enter], on: app, size: Self.narrow)
        snapshot("ruta-48x16", Self.narrow)
        InterfaceFixtures.press([.escape, .character("/")] + InterfaceFixtures.typing("titulo largo") + [.enter],
                                on: app, size: Self.standard)
        snapshot("ruta-titulo-largo-80x24", Self.standard)
        snapshot("ruta-titulo-largo-48x16", Self.narrow)
    }

    @Test("«mostrar al ciudadano»: the main line in large print and the address")
    func citizen() {
        InterfaceFixtures.press([.enter, .character("m")], on: app, size: Self.standard)
        snapshot("ciudadano-80x24", Self.standard)
        snapshot("ciudadano-48x16", Self.narrow)
    }

    @Test("accessible mode: the route as plain numbered lines, no box or scroll bar; the citizen without large print")
    func accessible() throws {
        let app = try InterfaceFixtures.app(store: store, accessible: true)
        InterfaceFixtures.press([.enter], on: app, size: Self.standard)
        let route = InterfaceFixtures.frame(app, Self.standard)
        assertSnapshot(route, named: "ruta-accesible-80x24")
        #expect(!route.text.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) })
        #expect(route.text.contains("Línea principal") && route.text.contains("1. Llame al 123."))
        InterfaceFixtures.press([.character("m")], on: app, size: Self.standard)
        let citizen = InterfaceFixtures.frame(app, Self.standard)
        assertSnapshot(citizen, named: "ciudadano-accesible-80x24")
        #expect(!citizen.text.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) })
        #expect(app.draw(on: CellGrid(size: Self.standard)) != nil, "the cursor is always shown")
    }

    // MARK: - Novedades

    static let narrowNovedades = Size(columns: 46, rows: 16)

    @Test("novedades: four tabs with counts; en cola shows retries, enviadas the radicado, rechazadas the reason")
    func novedades() throws {
        let app = try InterfaceFixtures.app(store: store, novedades: NovedadFixtures.all)
        InterfaceFixtures.press([.character("n")], on: app, size: Self.standard)
        for name in ["borradores", "en-cola", "enviadas", "rechazadas"] {
            assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "novedades-\(name)-80x24")
            assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "novedades-\(name)-46x16")
            InterfaceFixtures.press([.tab], on: app, size: Self.standard)
        }
        let wrapped = InterfaceFixtures.frame(app, Self.standard).text
        #expect(wrapped.contains("[Borradores (2)]"))
    }

    @Test("novedades: an empty tab says so and how to fill it")
    func novedadesEmpty() throws {
        let app = try InterfaceFixtures.app(store: store, novedades: [])
        InterfaceFixtures.press([.character("n")], on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "novedades-vacia-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "novedades-vacia-46x16")
    }

    @Test("a rejected novedad, read-only, from the Novedades screen")
    func novedadDetail() throws {
        let app = try InterfaceFixtures.app(store: store, novedades: NovedadFixtures.all)
        InterfaceFixtures.press([.character("n"), .backTab, .enter], on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "novedad-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "novedad-46x16")
    }

    @Test("the form of a draft, and the type's pick-list narrowed by typing without accents")
    func novedadForm() throws {
        let app = try InterfaceFixtures.app(store: store, novedades: NovedadFixtures.all)
        InterfaceFixtures.press([.character("n"), .down, .enter], on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "formulario-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "formulario-46x16")
        InterfaceFixtures.press([.tab, .tab, .tab, .tab, .tab, .tab, .tab], on: app, size: Self.narrowNovedades)
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "formulario-descripcion-46x16")
        InterfaceFixtures.press([.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab]
                                + InterfaceFixtures.typing("alumbr"), on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "formulario-tipo-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrowNovedades), named: "formulario-tipo-46x16")
    }

    // MARK: - Help, pickers, small windows

    @Test("help lists every key of every screen, from the action table, and «acerca de»")
    func help() {
        InterfaceFixtures.press([.character("?")], on: app, size: Self.standard)
        snapshot("ayuda-80x24", Self.standard)
        // The whole help, «acerca de» included: as many rows as its lines, plus the chrome's.
        let body = Chrome(header: HeaderInfo(isSample: true)).body(in: Self.standard, statusRows: 0)
        let width = DocumentView.textWidth(in: body)
        let document = HelpDocument.lines(about: InterfaceFixtures.about, width: width).lines
        let whole = Size(columns: Self.standard.columns, rows: document.count + Self.standard.rows - body.rows)
        snapshot("ayuda-completa-80", whole)
        let shown = InterfaceFixtures.frame(app, whole).text
        #expect(shown.contains("Acerca de") && shown.contains(document.last?.text ?? "—"), "\(shown)")
        let lines = HelpDocument.lines(about: InterfaceFixtures.about, width: 200).lines.map(\.text)
        for spec in ActionSpec.all {
            #expect(lines.contains { $0.contains(spec.keysText) && $0.contains(spec.help) }, "\(spec.help)")
        }
        #expect(lines.contains("Sincronización: sin servidor configurado; todo funciona sin conexión."))
        var withServer = InterfaceFixtures.about
        withServer.server = "https://servidor.ejemplo"
        let serverLines = HelpDocument.lines(about: withServer, width: 200).lines.map(\.text)
        #expect(serverLines.contains { $0.hasPrefix("Sincronización con https://servidor.ejemplo: en segundo plano") })
        #expect(!serverLines.contains { $0.contains("sin servidor configurado") })
    }

    @Test("the localidad filter: a pick-list narrowed by typing")
    func picker() {
        InterfaceFixtures.press([.character("l")] + InterfaceFixtures.typing("bol"), on: app, size: Self.standard)
        snapshot("filtro-localidad-80x24", Self.standard)
        InterfaceFixtures.press([.enter], on: app, size: Self.standard)
        snapshot("catalogo-filtrado-80x24", Self.standard)
    }

    @Test("below the minimum size: «ventana demasiado pequeña»")
    func tooSmall() {
        snapshot("pequena-40x10", Size(columns: 40, rows: 10))
        snapshot("pequena-20x5", Size(columns: 20, rows: 5))
        _ = InterfaceFixtures.frame(app, Size(columns: 1, rows: 1))
        _ = InterfaceFixtures.frame(app, Size(columns: 0, rows: 0))
    }
}
