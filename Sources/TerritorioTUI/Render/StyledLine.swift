/// One row of text made of runs in different styles: a title with its matches marked, a
/// channel with its number in bold. Views build these; a `Canvas` draws them.
struct StyledLine: Equatable, Sendable {
    struct Span: Equatable, Sendable {
        var text: String
        var style: Style
    }

    var spans: [Span]

    init(_ spans: [Span] = []) {
        self.spans = spans
    }

    init(_ text: String, style: Style = .plain) {
        spans = [Span(text: text, style: style)]
    }

    var text: String { spans.map(\.text).joined() }

    var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    mutating func append(_ text: String, style: Style = .plain) {
        spans.append(Span(text: text, style: style))
    }

    static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        StyledLine(lhs.spans + rhs.spans)
    }
}
