/// A size in terminal cells: columns across, rows down.
struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    var columns: Int
    var rows: Int

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    var description: String { "\(columns)x\(rows)" }
}

/// A cell position: `x` is the column, `y` the row, both from 0 at the top left.
struct Point: Equatable, Hashable, Sendable {
    var x: Int
    var y: Int
}

/// A rectangle of cells, used to hand each part of the screen its area.
struct Rect: Equatable, Hashable, Sendable {
    var origin: Point
    var size: Size

    init(x: Int, y: Int, columns: Int, rows: Int) {
        origin = Point(x: x, y: y)
        size = Size(columns: columns, rows: rows)
    }

    var x: Int { origin.x }
    var y: Int { origin.y }
    var columns: Int { size.columns }
    var rows: Int { size.rows }
    var maxY: Int { origin.y + size.rows }

    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < x + columns && point.y >= y && point.y < maxY
    }

    /// The same rectangle less `count` rows at its top.
    func droppingTop(_ count: Int) -> Rect {
        let dropped = min(max(0, count), rows)
        return Rect(x: x, y: y + dropped, columns: columns, rows: rows - dropped)
    }
}
