/// The selected row of a list and the first row shown, for `count` rows of which `height` fit:
/// pure movement logic (newsboat's `ListMovementControl`), tested without a terminal.
struct ListCursor: Equatable, Sendable {
    private(set) var count = 0
    private(set) var height = 1
    private(set) var selection = 0
    /// The first row shown.
    private(set) var offset = 0

    /// Adopts a new row count and visible height, keeping the selection inside and visible.
    mutating func resize(count: Int, height: Int) {
        self.count = max(0, count)
        self.height = max(1, height)
        select(selection)
    }

    mutating func move(by delta: Int) {
        select(selection + delta)
    }

    mutating func pageDown() {
        move(by: height)
    }

    mutating func pageUp() {
        move(by: -height)
    }

    /// Moves for ↑, ↓, PgUp and PgDn; false (and no move) for any other action.
    @discardableResult
    mutating func move(for action: Action) -> Bool {
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: pageUp()
        case .pageDown: pageDown()
        default: return false
        }
        return true
    }

    mutating func first() {
        select(0)
    }

    mutating func last() {
        select(count - 1)
    }

    /// Selects row `index` (clamped), scrolling only as far as needed to show it.
    mutating func select(_ index: Int) {
        selection = max(0, min(index, count - 1))
        if selection < offset { offset = selection }
        if selection >= offset + height { offset = selection - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }
}
