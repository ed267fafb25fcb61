import TerritorioWire

/// A setting given as a whole number in an environment variable: unset or empty keeps the
/// default; anything but a number from 1 to `maximum` is refused, naming the variable, before
/// the server starts.
enum EnvironmentNumber {
    static func positive(_ name: String, in environment: [String: String], maximum: Int = .max) throws -> Int? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0, value <= maximum else {
            let range = maximum == .max ? "mayor que 0" : "entre 1 y \(maximum)"
            throw ServerFailure("\(name) debe ser un número entero \(range) (se recibió «\(TerminalText.visible(text))»).")
        }
        return value
    }
}
