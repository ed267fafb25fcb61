import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// The real loop (`InterfaceLoop`) driven by a scripted terminal: keys in, frames out, the way
/// a gestor would use it — and every kind of bad input, which must never end it.
@Suite("Interface, scripted")
struct InterfaceScriptTests {
    static let size = Size(columns: 80, rows: 24)

    private func run(_ script: [HeadlessTerminal.Step], size: Size = size) throws -> HeadlessTerminal {
        let store = try InterfaceFixtures.store()
        let terminal = HeadlessTerminal(size: size, script: script)
        InterfaceLoop.run(try InterfaceFixtures.app(store: store), on: terminal)
        return terminal
    }

    @Test("search, open, read the steps and the line, go back, help, quit")
    func browse() throws {
        let terminal = try run([
            .capture,
            .keys([.character("/")] + InterfaceFixtures.typing("violencia")), .capture,
            .keys([.enter]), .capture,
            .keys([.escape]), .capture,
            .keys([.escape, .character("?")]), .capture,
            .keys([.escape, .character("q")]),
            .keys([.character("x")]),
        ])
        let screens = terminal.captures
        try #require(screens.count == 5)
        #expect(screens[0].contains("DATOS DE MUESTRA — verificar antes de usar"))
        #expect(screens[0].contains("3 rutas"))
        #expect(screens[1].contains("Buscar: violencia"))
        #expect(screens[1].contains("Violencia contra una mujer: peligro inmediato"))
        #expect(!screens[1].contains("Víctima del conflicto"))
        #expect(screens[2].contains("1. Llame al 123."))
        #expect(screens[2].contains("123"))
        #expect(screens[3].contains("Buscar: violencia"))
        #expect(screens[4].contains("Ayuda"))
    }

    @Test("n opens the novedades; tabs switch, Enter opens one, Esc goes back twice")
    func novedades() throws {
        let store = try InterfaceFixtures.store()
        let terminal = HeadlessTerminal(size: Self.size, script: [
            .keys([.character("n")]), .capture,
            .keys([.tab]), .capture,
            .keys([.backTab, .left]), .capture,
            .keys([.enter]), .capture,
            .keys([.escape]), .capture,
            .keys([.escape]), .capture,
            .keys([.character("q")]),
            .keys([.character("x")]),
        ])
        InterfaceLoop.run(try InterfaceFixtures.app(store: store, novedades: NovedadFixtures.all), on: terminal)
        let screens = terminal.captures
        try #require(screens.count == 6)
        #expect(screens[0].contains("[Borradores (2)]") && screens[0].contains("Hueco o daño en la vía"))
        #expect(screens[0].contains("Tab pestaña"))
        #expect(screens[1].contains("[En cola (2)]") && screens[1].contains("Intentos: 2"))
        #expect(screens[1].contains("enviando ahora"))
        #expect(screens[2].contains("[Rechazadas (1)]") && screens[2].contains("Motivo: La localidad no corresponde"))
        #expect(screens[3].contains("Novedad 3f2a9c16-") && screens[3].contains("Motivo del rechazo"))
        #expect(screens[4].contains("[Rechazadas (1)]"))
        #expect(screens[5].contains("Buscar:") && screens[5].contains("3 rutas"))
    }

    @Test("n on a real store without novedades: the empty Borradores tab")
    func novedadesFromStore() throws {
        let store = try InterfaceFixtures.store()
        let references = try store.catalogue.references()
        let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: StoreRouteSource(store: store, synonyms: .empty)),
                                     catalogue: store.catalogue, references: references, catalogueIsEmpty: false,
                                     desk: NovedadFixtures.desk(StoreNovedadSource(store), references: references))
        let terminal = HeadlessTerminal(size: Self.size, script: [.keys([.character("n")]), .capture])
        InterfaceLoop.run(App(root: screen, header: HeaderInfo(), about: InterfaceFixtures.about), on: terminal)
        #expect(terminal.captures.first?.contains("[Borradores (0)]") == true)
        #expect(terminal.captures.first?.contains("No hay borradores.") == true)
    }

    @Test("q quits at once from the list; while typing it is a letter")
    func quitOrType() throws {
        let terminal = try run([.keys([.character("/"), .character("q")]), .capture, .keys([.escape, .character("q")]), .capture])
        #expect(terminal.captures.count == 1)
        #expect(terminal.captures.first?.contains("Buscar: q") == true)
    }

    @Test("a paste of 5 000 characters is cut to the field's limit and costs one search")
    func paste() throws {
        let store = try InterfaceFixtures.store()
        let source = CountingSource(StoreRouteSource(store: store, synonyms: .empty))
        let references = try store.catalogue.references()
        let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: source), catalogue: store.catalogue,
                                     references: references, catalogueIsEmpty: false)
        let terminal = HeadlessTerminal(size: Self.size, script: [
            .keys([.character("/")]), .paste(String(repeating: "a", count: 5_000)), .capture,
        ])
        InterfaceLoop.run(App(root: screen, header: HeaderInfo(), about: InterfaceFixtures.about), on: terminal)
        #expect(terminal.captures.first?.contains("La búsqueda admite hasta 200 caracteres") == true)
        #expect(terminal.captures.first?.contains("Sin resultados") == true)
        #expect(source.searches <= 3)
    }

    @Test("unknown keys, control keys and keys of other screens are ignored on every screen")
    func badKeys() throws {
        let junk: [Key] = [.unknown, .function(13), .control("z"), .control("s"), .control("q"), .tab, .backTab, .delete,
                           .left, .right, .character("\u{1B}"), .character("\u{7}"), .character("\u{301}"),
                           .character("作"), .backspace, .control("w"), .control("u"), .control("l"), .resize]
        var script: [HeadlessTerminal.Step] = [.keys(junk)]
        for path in [[Key.character("/")], [.enter], [.enter, .character("m")], [.character("?")], [.character("t")]] {
            script += [.keys(path), .keys(junk), .keys(junk.map { _ in .escape } + [.escape, .escape])]
        }
        script += [.resize(Size(columns: 40, rows: 10)), .keys(junk), .resize(Self.size), .capture]
        let terminal = try run(script)
        #expect(terminal.captures.count == 1)
        #expect(terminal.captures[0].contains("Territorio"))
    }

    @Test("resizing 100x30 → 80x24 → 40x10 → 80x24 on every screen never breaks a frame")
    func resize() throws {
        var script: [HeadlessTerminal.Step] = []
        for path in [[], [Key.enter], [.character("m")], [.escape, .escape, .character("?")]] {
            script += [.keys(path), .resize(Size(columns: 100, rows: 30)), .resize(Self.size),
                       .resize(Size(columns: 40, rows: 10)), .capture, .resize(Self.size), .capture]
        }
        let terminal = try run(script, size: Size(columns: 100, rows: 30))
        #expect(terminal.captures.count == 8)
        for (index, screen) in terminal.captures.enumerated() {
            #expect(screen.contains(index % 2 == 0 ? "Ventana demasiado pequeña" : "Territorio"))
        }
    }

    @Test("with stdout not a terminal, `territorio` prints help instead of starting the interface")
    func notATerminal() throws {
        let run = try CLI().run([])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Uso: territorio"))
    }

    @Test("no command starts the interface with the global options; help and NO_COLOR are honoured")
    func options() throws {
        guard case .interface(let options) = try ArgumentParser.parse(["--datos", "/tmp/d", "--colores=alto-contraste"]) else {
            Issue.record("no command must start the interface")
            return
        }
        #expect(options.dataDirectory == "/tmp/d")
        #expect(options.colorMode(environment: ["NO_COLOR": "1"]) == .altoContraste)
        #expect(GlobalOptions().colorMode(environment: ["NO_COLOR": "1"]) == .mono)
        #expect(GlobalOptions().colorMode(environment: ["NO_COLOR": ""]) == .normal)
        #expect(try ArgumentParser.parse(["--help"]) == .help(nil))
        #expect(try ArgumentParser.parse(["--datos", "d", "-h"]) == .help(nil))
    }

    @Test("the threaded feed answers the newest question, then counts what the rows did not")
    func threadedFeed() throws {
        let feed = ThreadedRouteFeed { SyntheticRouteSource(count: 500) }
        let query = RouteQuery(text: "", filter: RouteFilter(localidad: "kennedy"))
        for generation in 1...5 {
            feed.submit(RouteRequest(query: query, offset: 0, limit: 10, generation: generation, wantsTotal: true))
        }
        var answers: [RouteAnswer] = []
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            answers += feed.takeAnswers()
            if answers.contains(where: { if case .total = $0 { true } else { false } }) { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let last = try #require(answers.last)
        guard case .total(let request, let total) = last else { Issue.record("no count arrived"); return }
        #expect(request.generation == 5)
        #expect(total == .exact(500))
        #expect(answers.count <= 4)
        while feed.isBusy, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(!feed.isBusy)
    }

    @Test("the first question is answered on the caller's thread, count included; the worker answers the next")
    func threadedFeedFirstAnswer() throws {
        let feed = ThreadedRouteFeed(firstSource: SyntheticRouteSource(count: 300)) { SyntheticRouteSource(count: 500) }
        let whole = RouteQuery(text: "", filter: RouteFilter())
        feed.submit(RouteRequest(query: whole, offset: 0, limit: 10, generation: 1, wantsTotal: true))
        let first = feed.takeAnswers()
        guard case .page(_, let page) = first.first, case .total(_, let total) = first.last else {
            Issue.record("no page and count at once: \(first)"); return
        }
        #expect(page.rows.count == 10 && total == .exact(300), "from the first source")
        #expect(!feed.isBusy)

        feed.submit(RouteRequest(query: whole, offset: 0, limit: 10, generation: 2, wantsTotal: true))
        var answers: [RouteAnswer] = []
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !answers.contains(where: { if case .total = $0 { true } else { false } }) {
            answers += feed.takeAnswers()
            Thread.sleep(forTimeInterval: 0.005)
        }
        guard case .total(let request, let counted)? = answers.last else { Issue.record("the worker never counted"); return }
        #expect(request.generation == 2 && counted == .exact(500), "from the worker's own source")
    }

    @Test("a status message is a sentence; in accessible mode it is shown whole, on lines of its own")
    func statusSentences() throws {
        #expect(StatusSentence.make("error de la base de datos (disco lleno)") == "Error de la base de datos (disco lleno).")
        #expect(StatusSentence.make("No se pudo guardar: ") == "No se pudo guardar.")
        #expect(StatusSentence.make("¿Borrar el borrador 3f2a? Pulse b otra vez.") == "¿Borrar el borrador 3f2a? Pulse b otra vez.")
        let long = "no se pudo leer la respuesta del servidor: la conexión se cerró antes de terminar y se volverá "
            + "a intentar en la próxima sincronización"
        for accessible in [false, true] {
            let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: SyntheticRouteSource(count: 40)),
                                         catalogue: SyntheticRouteSource(count: 40), references: ReferenceLists(), catalogueIsEmpty: false)
            let app = App(root: screen, header: HeaderInfo(), about: InterfaceFixtures.about, status: long, accessible: accessible)
            _ = app.update()
            let rows = InterfaceFixtures.frame(app, Self.size).text.components(separatedBy: "\n")
            let start = try #require(rows.firstIndex { $0.hasPrefix(" No se pudo leer la respuesta") })
            #expect(start == (accessible ? 21 : 22), "the rows just above the footer")
            let status = rows[start...22].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            if accessible {
                #expect(status == "No se pudo leer la respuesta del servidor: la conexión se cerró antes de terminar y se volverá a intentar en la próxima sincronización.")
            } else {
                #expect(status.hasPrefix("No se pudo leer la respuesta") && status.hasSuffix("…"), "cut to one row")
            }
        }
    }

    @Test("accessible mode: the cursor on the search box while typing, on the selected route after ↑/↓, and again on the box at the next /")
    func accessibleFocus() throws {
        let app = try InterfaceFixtures.app(store: try InterfaceFixtures.store(), accessible: true)
        func cursorRow() -> (row: Int, text: String) {
            let grid = InterfaceFixtures.frame(app, Self.size)
            let row = app.draw(on: grid)?.y ?? -1
            let rows = grid.text.components(separatedBy: "\n")
            return (row, rows.indices.contains(row) ? rows[row] : "")
        }
        #expect(cursorRow().text.contains("▸"), "the list: the selected route")
        InterfaceFixtures.press([.character("/")] + InterfaceFixtures.typing("violencia"), on: app, size: Self.size)
        #expect(cursorRow().text.contains("Buscar: violencia"))
        InterfaceFixtures.press([.down], on: app, size: Self.size)
        #expect(cursorRow().text.contains("▸"))
        InterfaceFixtures.press([.escape, .character("/")], on: app, size: Self.size)
        #expect(cursorRow().text.contains("Buscar: violencia"))
    }
}

/// Counts the searches a source answers.
private final class CountingSource: RouteSource {
    private let source: any RouteSource
    private(set) var searches = 0

    init(_ source: any RouteSource) {
        self.source = source
    }

    func page(for request: RouteRequest) throws -> RoutePage {
        if request.query.hasText { searches += 1 }
        return try source.page(for: request)
    }

    func total(for query: RouteQuery, isCancelled: () -> Bool) throws -> RouteTotal? {
        try source.total(for: query, isCancelled: isCancelled)
    }
}
