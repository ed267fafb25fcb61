import Foundation
import TerritorioModel

/// What the novedad screens share: the store behind them, the reference lists, the folder the
/// photo picker starts in (the last one used, at first `TERRITORIO_FOTOS` or the home folder),
/// the private folder where a description waits while `$EDITOR` has it, and the clock.
final class NovedadDesk {
    let source: any NovedadSource
    let references: ReferenceLists
    let environment: [String: String]
    var photoFolder: String
    /// Inside the data directory (0700): a description may hold a citizen's situation.
    let scratchFolder: URL
    let clock: () -> Date

    init(source: any NovedadSource, references: ReferenceLists, environment: [String: String], scratchFolder: URL,
         clock: @escaping () -> Date = Date.init) {
        self.source = source
        self.references = references
        self.environment = environment
        self.scratchFolder = scratchFolder
        self.clock = clock
        photoFolder = environment["TERRITORIO_FOTOS"] ?? environment["HOME"] ?? "/"
    }
}
