import Foundation

/// A recorded text (a rendered screen, trailing spaces trimmed as tig's `save_display`) kept in
/// `<folder>/<name>.txt`, and the comparison with what a test produces now. With
/// `RECORD_SNAPSHOTS=1` in the environment, or when the file does not exist yet, the text is
/// (re)written instead and the comparison fails once saying so. The test target records the
/// failure message, so this library needs no test framework.
public struct SnapshotFile {
    public let name: String
    public let file: URL

    public init(named name: String, in folder: URL) {
        self.name = name
        file = folder.appendingPathComponent(name + ".txt")
    }

    /// Whether the environment asks for every snapshot to be recorded again.
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

    /// Nil when `actual` is the recorded text; otherwise what the test must report: that it was
    /// recorded, or the lines that differ and `rerecord`, the command that records it again.
    public func mismatch(_ actual: String, rerecord: String) -> String? {
        guard !Self.recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return "Recorded the snapshot «\(name)» in \(file.path); run the tests again."
        }
        guard expected != actual else { return nil }
        return """
            The screen differs from the snapshot «\(name)» (− expected, + actual). If the change is intended, \
            re-record with: \(rerecord)
            \(Self.lineDiff(expected: expected, actual: actual))
            """
    }

    /// The lines that differ, numbered, as `−` expected and `+` actual.
    private static func lineDiff(expected: String, actual: String) -> String {
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
}
