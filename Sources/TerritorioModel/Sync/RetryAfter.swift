import Foundation

/// A server's `Retry-After` (RFC 9110 §10.2.3) on a `429`, `503` or `507` (the gestor's space for
/// incomplete uploads is full). Short waits are honoured within the run: the client waits and
/// sends the same request again, so a briefly busy server
/// costs the gestor seconds, not a whole retry cycle. Longer ones end the item's attempt, with its
/// next attempt set to the time the server named, told to the gestor as a time of day.
struct RetryAfter {
    /// Waits up to this long are made within the run.
    static let longestWaitInRun = 60
    /// Times the same request is sent again after a short wait before giving up for this run.
    static let waitsPerRequest = 2

    let seconds: Int

    /// The delay of the response's `Retry-After`: delta-seconds, or an HTTP date.
    init?(_ response: HTTPClient.Response, now: Date) {
        guard [429, 503, 507].contains(response.status), let value = response.header("retry-after") else { return nil }
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 {
            self.seconds = seconds
        } else if let date = Self.httpDate.date(from: text) {
            self.seconds = max(0, Int(date.timeIntervalSince(now).rounded(.up)))
        } else {
            return nil
        }
    }

    var isShort: Bool { seconds <= Self.longestWaitInRun }

    /// «el servidor pidió esperar hasta las 15:42», in the device's time zone.
    func reason(from now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "es_CO")
        formatter.timeZone = .current
        formatter.dateFormat = "HH:mm"
        return "el servidor pidió esperar hasta las \(formatter.string(from: now.addingTimeInterval(TimeInterval(seconds))))"
    }

    private static let httpDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }()
}
