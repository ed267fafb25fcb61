/// One terminal cell. A wide character (two columns) sits in its first cell; the cell to its
/// right is a continuation that draws nothing.
struct Cell: Equatable, Sendable {
    var character: Character
    var style: Style
    var isContinuation: Bool

    static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}
