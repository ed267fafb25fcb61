/// How long the server keeps citizens' contact data and photos (Ley 1581 de 2012: no longer
/// than the purpose needs): `closedDays` after a novedad's last change to `atendida` or
/// `cerrada`, and `openDays` after it was received for one never attended or closed. Each comes
/// from an environment variable, in days.
public struct RetentionSettings: Sendable, Equatable {
    public var closedDays: Int
    public var openDays: Int

    public static let closedVariable = "TERRITORIO_CONSERVAR_DIAS"
    public static let openVariable = "TERRITORIO_CONSERVAR_ABIERTAS_DIAS"
    /// Zero purges at the next run; a hundred years is the most that can be asked for.
    public static let allowedDays = 0...36_500

    public init(closedDays: Int = 180, openDays: Int = 730) {
        self.closedDays = closedDays
        self.openDays = openDays
    }

    /// The defaults, replaced by the variables that are set; a value that is not a whole number
    /// of days in `allowedDays` is refused with its name.
    public init(environment: [String: String]) throws {
        self.init()
        if let text = environment[Self.closedVariable], !text.isEmpty { closedDays = try Self.days(text, name: Self.closedVariable) }
        if let text = environment[Self.openVariable], !text.isEmpty { openDays = try Self.days(text, name: Self.openVariable) }
    }

    /// A number of days as `name` (a variable or an option) gave it.
    public static func days(_ text: String, name: String) throws -> Int {
        guard let days = Int(text), allowedDays.contains(days) else {
            throw ServerFailure("\(name) debe ser un número entero de días entre \(allowedDays.lowerBound) y \(allowedDays.upperBound) (se recibió «\(text)»).")
        }
        return days
    }
}
