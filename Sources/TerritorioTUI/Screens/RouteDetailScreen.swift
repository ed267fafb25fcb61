import TerritorioModel

/// One route, read top to bottom: its `RouteDocument` in a scrolling view. `m` shows the
/// citizen the main line in large print, `r` reports a novedad about it; Esc goes back to the
/// list it came from.
final class RouteDetailScreen: Screen {
    let ruta: Ruta
    private let references: ReferenceLists
    private let desk: NovedadDesk?
    private var document = DocumentView()
    private var builtWidth = -1
    private var builtPlain = false

    init(ruta: Ruta, references: ReferenceLists, desk: NovedadDesk? = nil) {
        self.ruta = ruta
        self.references = references
        self.desk = desk
    }

    var context: KeyContext { .detail }

    func handle(_ action: Action) -> ScreenOutcome {
        switch action {
        case .back: .pop
        case .showToCitizen: .push(CitizenScreen(ruta: ruta))
        case .reportNovedad:
            if let desk {
                .push(NovedadFormScreen(desk: desk, startingWith: RouteReport.changes(for: ruta, references: desk.references)))
            } else {
                .notice("Las novedades no están disponibles aquí.")
            }
        default: document.handle(action) ? .handled : .ignored
        }
    }

    func render(into canvas: any Canvas, in area: Rect) {
        let width = DocumentView.textWidth(in: area)
        if width != builtWidth || canvas.isPlain != builtPlain {
            document.setLines(RouteDocument.lines(for: ruta, references: references, width: width, plain: canvas.isPlain))
            builtWidth = width
            builtPlain = canvas.isPlain
        }
        document.render(into: canvas, in: area)
    }
}
