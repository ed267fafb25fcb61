import TerritorioModel

/// One novedad, read-only: `NovedadText.detail` in a scrolling view. Esc goes back.
final class NovedadDetailScreen: DocumentScreen {
    let novedad: Novedad
    private let references: ReferenceLists
    var document = DocumentView()

    init(novedad: Novedad, references: ReferenceLists) {
        self.novedad = novedad
        self.references = references
    }

    var context: KeyContext { .novedad }

    func lines(width: Int, plain: Bool) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, paragraph) in NovedadText.detail(novedad, references: references).components(separatedBy: "\n").enumerated() {
            if paragraph.isEmpty {
                lines.append(StyledLine())
                continue
            }
            lines += TextFit.wrap(paragraph, width: width).map { StyledLine($0, style: index == 0 ? .title : .plain) }
        }
        return lines
    }
}
