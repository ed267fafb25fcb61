/// Options accepted before or after any subcommand (`GlobalOptionSpec.all`), as
/// `ArgumentParser` read them. With no command they are the interface's.
struct GlobalOptions: Equatable {
    var dataDirectory: String?
    /// `--colores`; nil when it was not given.
    var colors: ColorMode?
    /// `--accesible`: the interface in accessible mode.
    var accessible = false

    /// Accessible mode: `--accesible`, else `TERRITORIO_ACCESIBLE` (1 or 0), else the profile's choice.
    func isAccessible(environment: [String: String], profile: Bool) -> Bool {
        if accessible { return true }
        switch environment["TERRITORIO_ACCESIBLE"] {
        case "1": return true
        case "0": return false
        default: return profile
        }
    }

    /// The theme: `--colores` if given, else mono when `NO_COLOR` is set (no-color.org), else normal.
    func colorMode(environment: [String: String]) -> ColorMode {
        if let colors { return colors }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        return .normal
    }
}
