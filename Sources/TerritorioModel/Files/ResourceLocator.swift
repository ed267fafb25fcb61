import Foundation
import TerritorioResources

/// Finds the bundled sample catalogue without SwiftPM's `Bundle.module` (which ends the process
/// when the bundle moved): first in the bundle beside the resolved executable — true for
/// `swift run` and for `scripts/install` — then in `../share/territorio` from the executable's
/// folder (the Debian package: `/usr/bin/territorio` reads `/usr/share/territorio`), then in the
/// folder named by `$TERRITORIO_RECURSOS`.
public enum ResourceLocator {
    /// The bundled sample catalogue.
    public static func sampleCatalogue(environment: [String: String], executablePath: String? = resolvedExecutablePath()) -> String? {
        resource(named: TerritorioResources.sampleCatalogue, environment: environment, executablePath: executablePath)
    }

    /// A file of the resource bundle, by name.
    public static func resource(named name: String, environment: [String: String],
                                executablePath: String? = resolvedExecutablePath()) -> String? {
        var candidates: [String] = []
        if let executablePath {
            let folder = (executablePath as NSString).deletingLastPathComponent
            candidates.append(folder + "/" + TerritorioResources.bundleName + "/" + name)
            candidates.append((folder as NSString).deletingLastPathComponent + "/share/territorio/" + name)
        }
        if let folder = environment["TERRITORIO_RECURSOS"], !folder.isEmpty {
            candidates.append(folder + "/" + name)
            candidates.append(folder + "/" + TerritorioResources.bundleName + "/" + name)
        }
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The running program's real path, symlinks resolved.
    public static func resolvedExecutablePath() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }
}
