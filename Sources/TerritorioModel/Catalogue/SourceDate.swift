/// A source's own date at the precision the source gives it: a year (`2021`), a month
/// (`2021-05`) or a day (`2021-05-11`). Undated sources have none, and nothing is invented to
/// fill the gap (no `2021-01-01` for "2021").
public struct SourceDate: Equatable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Parses `AAAA`, `AAAA-MM` or `AAAA-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1900...2200).contains(year),
              parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3, let month {
            guard let value = Int(parts[2]), (1...Self.daysIn(month: month, year: year)).contains(value) else { return nil }
            day = value
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    /// The last day the date can mean (`2021` → 2021-12-31), as `AAAAMMDD`: a source is only
    /// called old when even its latest possible day is older than the limit.
    var latestDay: Int {
        let month = self.month ?? 12
        return year * 10_000 + month * 100 + (day ?? Self.daysIn(month: month, year: year))
    }

    /// The day `months` months before this one (the day clamped to the month's length), as `AAAAMMDD`.
    func day(monthsBefore months: Int) -> Int {
        let index = year * 12 + (month ?? 12) - 1 - months
        let year = index / 12, month = index % 12 + 1
        return year * 10_000 + month * 100 + min(day ?? 1, Self.daysIn(month: month, year: year))
    }

    public static func < (lhs: SourceDate, rhs: SourceDate) -> Bool {
        (lhs.latestDay, lhs.description.count) < (rhs.latestDay, rhs.description.count)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
