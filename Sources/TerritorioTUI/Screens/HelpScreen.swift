/// Help: every key of every screen and "acerca de", opened at the section of the screen it was
/// called from.
final class HelpScreen: Screen {
    private let about: AboutInfo
    private let origin: KeyContext
    private var document = DocumentView()
    private var builtWidth = -1

    init(about: AboutInfo, from origin: KeyContext) {
        self.about = about
        self.origin = origin
    }

    var context: KeyContext { .help }

    func handle(_ action: Action) -> ScreenOutcome {
        if action == .back { return .pop }
        return document.handle(action) ? .handled : .ignored
    }

    func render(into canvas: any Canvas, in area: Rect) {
        let width = DocumentView.textWidth(in: area)
        if width != builtWidth {
            let (lines, sections) = HelpDocument.lines(about: about, width: width)
            let firstBuild = builtWidth < 0
            document.setLines(lines)
            builtWidth = width
            if firstBuild, origin != KeyContext.allCases.first, let start = sections[origin] {
                document.scroll(to: start - 1)
            }
        }
        document.render(into: canvas, in: area)
    }
}
