import Foundation
import TerritorioWire

/// The `--json` output of the administration commands, written as the client writes its own:
/// indented, keys sorted, and the control characters of text that came from clients (a citizen's
/// name, a gestor's) escaped, so a stored name cannot drive the terminal of whoever reads it.
enum AdminJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return JSONWriter.string(try JSONParser.parse(Array(try encoder.encode(value))))
    }
}
