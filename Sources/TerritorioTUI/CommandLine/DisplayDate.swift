/// Dates as a gestor in Colombia reads them: `AAAA-MM-DD` shown as `DD/MM/AAAA`.
enum DisplayDate {
    static func text(_ isoDate: String) -> String {
        let parts = isoDate.split(separator: "-")
        guard parts.count == 3 else { return isoDate }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
