import Foundation

/// Standard output and error, flushed at once: `servir`'s "Escuchando en" line must reach a
/// pipe the moment the server is ready, not when a buffer fills.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
