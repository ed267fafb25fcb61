/// An in-memory screen: the `Canvas` unit tests draw into and compare as text. Rows are stored
/// one after another; a wide character occupies its cell and a continuation cell.
final class CellGrid: Canvas {
    let size: Size
    private(set) var cells: [Cell]
    var isPlain = false

    init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.columns * size.rows)
    }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * size.columns + x]
    }

    func clear() {
        cells = Array(repeating: .blank, count: size.columns * size.rows)
    }

    func put(_ character: Character, width: Int, at point: Point, style: Style) {
        guard point.y >= 0, point.y < size.rows, point.x >= 0, point.x < size.columns else { return }
        let wide = width == 2 && point.x + 1 < size.columns
        breakWideCharacter(at: point)
        if wide { breakWideCharacter(at: Point(x: point.x + 1, y: point.y)) }
        let index = point.y * size.columns + point.x
        cells[index] = Cell(character: width == 2 && !wide ? " " : character, style: style, isContinuation: false)
        if wide { cells[index + 1] = Cell(character: " ", style: style, isContinuation: true) }
    }

    /// The rows as text, trailing spaces removed: what a snapshot stores.
    var lines: [String] {
        (0..<size.rows).map { y in
            var line = ""
            for x in 0..<size.columns where !self[x, y].isContinuation {
                line.append(self[x, y].character)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    var text: String { lines.joined(separator: "\n") }

    /// Overwriting either half of a wide character blanks its other half, as a terminal does.
    private func breakWideCharacter(at point: Point) {
        let index = point.y * size.columns + point.x
        if cells[index].isContinuation, point.x > 0 {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style, isContinuation: false)
        } else if point.x + 1 < size.columns, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style, isContinuation: false)
        }
    }
}
