import Foundation
import TerritorioModel

/// What the novedad screens share: the store behind them, the reference lists, the folder the
/// photo picker starts in (the last one used, at first `TERRITORIO_FOTOS` or the home folder),
/// the private folder where a description waits while `$EDITOR` has it, and the clock.
final class NovedadDesk {
    let source: any NovedadSource
    /// Read at first use (a form, a list of novedades), not before the first screen.
    private(set) lazy var references: ReferenceLists = loadReferences()
    private let loadReferences: () -> ReferenceLists
    let environment: [String: String]
    var photoFolder: String
    /// Inside the data directory (0700): a description may hold a citizen's situation.
    let scratchFolder: URL
    let clock: () -> Date
    /// Background sync's line while a run goes on, nil otherwise (set by the interface).
    var syncLine: () -> String? = { nil }
    /// Turns accessible mode on or off in the running interface (set by the interface): the
    /// Perfil screen's «Accesible» applies at once.
    var applyAccessible: (Bool) -> Void = { _ in }

    init(source: any NovedadSource, references: @escaping @autoclosure () -> ReferenceLists, environment: [String: String], scratchFolder: URL,
         clock: @escaping () -> Date = Date.init) {
        self.source = source
        loadReferences = references
        self.environment = environment
        self.scratchFolder = scratchFolder
        self.clock = clock
        photoFolder = environment["TERRITORIO_FOTOS"] ?? environment["HOME"] ?? "/"
    }

    /// What sync is doing with this novedad right now («foto 1 de 3: 420 KB de 3,1 MB · faltan
    /// unos 9 min»), or nil when it is not the one being sent.
    func sending(_ id: String) -> String? {
        guard let line = syncLine(), let range = line.range(of: "Novedad \(id.prefix(8)): ") else { return nil }
        return String(line[range.upperBound...])
    }
}
