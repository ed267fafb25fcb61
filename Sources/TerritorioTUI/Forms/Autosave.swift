import Foundation

/// When a form saves by itself: half a second after the gestor stops typing, and at least once
/// a second while the typing goes on, so a crash or a lost battery costs at most about a second.
struct Autosave: Equatable, Sendable {
    /// Save this long after the last change.
    static let quiet: TimeInterval = 0.5
    /// Never keep a change unsaved longer than this.
    static let longest: TimeInterval = 1.0

    private(set) var firstChange: Date?
    private var lastChange: Date?

    /// Something not yet saved.
    var isPending: Bool { firstChange != nil }

    mutating func changed(at now: Date) {
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    func isDue(at now: Date) -> Bool {
        guard let firstChange, let lastChange else { return false }
        return now.timeIntervalSince(lastChange) >= Self.quiet || now.timeIntervalSince(firstChange) >= Self.longest
    }

    mutating func saved() {
        firstChange = nil
        lastChange = nil
    }
}
