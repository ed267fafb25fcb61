import Foundation

/// A new empty folder of a test's own, removed with everything in it when the value is released,
/// so tests running side by side never share a path.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "territorio-pruebas-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `script` to an executable file `name` in this folder (a stand-in `$EDITOR` or
    /// viewer for the program under test) and returns its path.
    public func executable(_ name: String, _ script: String) throws -> String {
        let file = path + "/" + name
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with the path of a `TemporaryFolder` that lives exactly as long as the call.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let folder = try TemporaryFolder()
    return try withExtendedLifetime(folder) { try body(folder.path) }
}
