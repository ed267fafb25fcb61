/// A screen that is one scrolling document — help, a route, a novedad: its lines are built for
/// the width (and accessible mode) it is laid out in, Esc goes back and the movement keys scroll.
protocol DocumentScreen: Screen {
    var document: DocumentView { get set }
    /// The text as lines `width` columns wide; `plain` in accessible mode (no boxes).
    func lines(width: Int, plain: Bool) -> [StyledLine]
    /// The line shown at the top when the document is first laid out; nil: its beginning.
    var openingLine: Int? { get }
}

extension DocumentScreen {
    var openingLine: Int? { nil }

    func layout(in area: Rect, plain: Bool) {
        let firstLayout = !document.isBuilt
        document.layout(in: area, plain: plain, build: lines)
        if firstLayout, let openingLine { document.scroll(to: openingLine) }
    }

    func render(into canvas: any Canvas, in area: Rect) {
        document.render(into: canvas, in: area)
    }

    func handle(_ action: Action) -> ScreenOutcome {
        scroll(action)
    }

    /// Esc goes back; the movement keys scroll; anything else means nothing here.
    func scroll(_ action: Action) -> ScreenOutcome {
        if action == .back { return .pop }
        return document.handle(action) ? .handled : .ignored
    }
}
