import TerritorioModel

extension StyledLine {
    /// `text` in `style`, the words the search matched in `matchStyle`.
    init(_ text: MarkedText, style: Style, matchStyle: Style) {
        self.init(text.segments.map { Span(text: $0.text, style: $0.isMatch ? matchStyle : style) })
    }
}
