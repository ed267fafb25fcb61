/// Help: every key of every screen and "acerca de", opened at the section of the screen it was
/// called from.
final class HelpScreen: DocumentScreen {
    private let about: AboutInfo
    private let origin: KeyContext
    var document = DocumentView()
    /// Where each screen's section starts, in the lines last built.
    private var sections: [KeyContext: Int] = [:]

    init(about: AboutInfo, from origin: KeyContext) {
        self.about = about
        self.origin = origin
    }

    var context: KeyContext { .help }

    func lines(width: Int, plain: Bool) -> [StyledLine] {
        let built = HelpDocument.lines(about: about, width: width)
        sections = built.sections
        return built.lines
    }

    var openingLine: Int? {
        guard origin != KeyContext.allCases.first, let start = sections[origin] else { return nil }
        return start - 1
    }
}
