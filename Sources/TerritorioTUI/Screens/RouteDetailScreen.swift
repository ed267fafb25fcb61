import TerritorioModel

/// One route, read top to bottom: its `RouteDocument` in a scrolling view. `m` shows the
/// citizen the main line in large print, `r` reports a novedad about it; Esc goes back to the
/// list it came from.
final class RouteDetailScreen: DocumentScreen {
    let ruta: Ruta
    private let references: ReferenceLists
    private let desk: NovedadDesk?
    var document = DocumentView()

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
        default: scroll(action)
        }
    }

    func lines(width: Int, plain: Bool) -> [StyledLine] {
        RouteDocument.lines(for: ruta, references: references, width: width, plain: plain)
    }
}
