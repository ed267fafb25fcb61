import Foundation
@testable import TerritorioServidorCore

/// The digest secret of every test: one text, in one file the server processes are pointed at,
/// so in-process servers and `territorio-servidor` processes on one database agree.
enum TestSecret {
    static let text = "secreto de las pruebas de territorio-servidor, no para producción"

    static var secret: DigestSecret {
        try! DigestSecret(text: text)
    }

    /// The file, written (whole, by rename) the first time it is asked for.
    static let file: String = {
        let folder = NSTemporaryDirectory() + "territorio-pruebas-secreto"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/secreto"
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }()

    static var environment: [String: String] {
        [DigestSecret.fileVariable: file]
    }
}
