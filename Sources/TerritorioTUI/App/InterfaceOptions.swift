/// The global options of `territorio` with no command, which starts the interface. The
/// command line (`ArgumentParser`) has already validated them; this only reads their values
/// and tells an explicit request for help (`--help`, `-h`, `ayuda`) apart.
struct InterfaceOptions: Equatable {
    var dataDirectory: String?
    /// nil when `--colores` was not given.
    var colors: ColorMode?
    /// `--accesible` was given.
    var accessible = false

    /// nil when the arguments ask for help instead of the interface.
    init?(arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if ["--help", "-h", "ayuda", "--version"].contains(argument) { return nil }
            if argument == "--accesible" { accessible = true }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if parts[0] == "--datos" || parts[0] == "--colores" {
                let value: String?
                if parts.count == 2 {
                    value = parts[1]
                } else {
                    index += 1
                    value = index < arguments.count ? arguments[index] : nil
                }
                if parts[0] == "--datos" { dataDirectory = value } else { colors = value.flatMap(ColorMode.init) }
            }
            index += 1
        }
    }

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
