import Foundation
import Testing
@testable import TerritorioTUI

/// Compares a rendered screen with `Snapshots/<name>.txt` (trailing spaces trimmed, as tig's
/// `save_display`). With `RECORD_SNAPSHOTS=1` in the environment, or when the file does not
/// exist yet, the snapshot is (re)written and the test fails once saying so.
func assertSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = grid.text + "\n"
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded the snapshot «\(name)» in \(file.path); run the tests again.", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    Issue.record("""
        The screen differs from the snapshot «\(name)» (− expected, + actual). If the change is intended, \
        re-record with: RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshot
        \(lineDiff(expected: expected, actual: actual))
        """, sourceLocation: sourceLocation)
}

/// The lines that differ, numbered, as `−` expected and `+` actual.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) {
        let before = index < old.count ? old[index] : nil, after = index < new.count ? new[index] : nil
        guard before != after else { continue }
        if let before { lines.append(String(format: "%3d − ", index + 1) + before) }
        if let after { lines.append(String(format: "%3d + ", index + 1) + after) }
    }
    return lines.joined(separator: "\n")
}
