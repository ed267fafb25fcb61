import Foundation

/// The one folder where Territorio keeps its data: `--datos DIR`, else `$TERRITORIO_DATOS`,
/// else `$XDG_DATA_HOME/territorio`, else `~/.local/share/territorio`.
public struct DataDirectory: Equatable, Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The directory chosen by the command-line option, then the environment.
    public static func resolve(option: String?, environment: [String: String]) -> DataDirectory {
        if let option, !option.isEmpty { return DataDirectory(path: absolute(option)) }
        if let explicit = environment["TERRITORIO_DATOS"], !explicit.isEmpty { return DataDirectory(path: absolute(explicit)) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return DataDirectory(path: xdg + "/territorio") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DataDirectory(path: home + "/.local/share/territorio")
    }

    /// Creates the directory (and missing parents) readable only by the user.
    public func create() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.dataDirectory(path: path, reason: "existe y no es una carpeta") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.dataDirectory(path: path, reason: "no se pudo crear (\(error.localizedDescription))")
        }
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
