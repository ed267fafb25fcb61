import Foundation
import Testing
import TerritorioTestSupport
@testable import TerritorioTUI

/// Compares a rendered screen with `Snapshots/<name>.txt` (see `SnapshotFile`): a difference, or a
/// snapshot just recorded, fails the test.
func assertSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let snapshot = SnapshotFile(named: name, in: folder)
    if let failure = snapshot.mismatch(grid.text + "\n", rerecord: "RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshot") {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}
