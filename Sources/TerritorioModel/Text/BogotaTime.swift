import Foundation

/// Times are stored in UTC and shown in Bogotá (UTC−5 all year: Colombia has no daylight saving).
public enum BogotaTime {
    private static let offset: TimeInterval = -5 * 3_600

    /// `2026-11-22T21:46:00Z` → `22/11/2026 16:46`.
    public static func display(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        let local = date.addingTimeInterval(offset)
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: local)
        return String(format: "%02d/%02d/%04d %02d:%02d", components.day ?? 0, components.month ?? 0, components.year ?? 0,
                      components.hour ?? 0, components.minute ?? 0)
    }

    /// A local Bogotá time as a gestor writes it — `2026-11-22 14:30` or `2026-11-22T14:30` — in UTC ISO 8601.
    /// - Throws: `NovedadError.invalidValue` when it is not such a time.
    public static func parse(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let parts = trimmed.split(separator: "T")
        let date = parts.first.map { $0.split(separator: "-").compactMap { Int($0) } } ?? []
        let time = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard parts.count == 2, date.count == 3, (2...3).contains(time.count),
              var components = Optional(DateComponents(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1],
                                                       second: time.count == 3 ? time[2] : 0)),
              components.isValidDate(in: Calendar(identifier: .gregorian)) else {
            throw NovedadError.invalidValue(field: "observada", reason: "escriba la fecha y hora como AAAA-MM-DD HH:MM (hora de Bogotá)")
        }
        components.timeZone = TimeZone(secondsFromGMT: Int(offset))
        guard let instant = Calendar(identifier: .gregorian).date(from: components) else {
            throw NovedadError.invalidValue(field: "observada", reason: "la fecha no existe")
        }
        return Timestamp.string(from: instant)
    }
}
