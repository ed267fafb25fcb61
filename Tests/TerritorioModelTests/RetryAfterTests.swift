import Foundation
import Testing
@testable import TerritorioModel

/// `Retry-After` on a `429`/`503`: up to 60 s is waited out within the run; longer becomes the
/// item's next attempt, told as a time of day.
struct RetryAfterTests {
    private let now = Date(timeIntervalSince1970: 1_795_000_000)

    private func response(_ status: Int, _ retryAfter: String?) -> HTTPClient.Response {
        HTTPClient.Response(status: status, headers: retryAfter.map { ["retry-after": $0] } ?? [:], body: Data())
    }

    @Test func secondsUpToSixtyAreShortAndLongerAreNot() throws {
        #expect(try #require(RetryAfter(response(429, "1"), now: now)).isShort)
        #expect(try #require(RetryAfter(response(503, "60"), now: now)).isShort)
        #expect(try #require(RetryAfter(response(429, "61"), now: now)).isShort == false)
        #expect(try #require(RetryAfter(response(507, "300"), now: now)).seconds == 300, "a gestor's upload space full is busy too")
    }

    @Test func anHTTPDateCountsFromNow() throws {
        let retryAfter = try #require(RetryAfter(response(503, "Sun, 15 Nov 2026 08:12:31 GMT"), now: Date(timeIntervalSince1970: 1_794_730_351)))
        #expect(retryAfter.seconds == 0)
        let later = try #require(RetryAfter(response(503, "Sun, 15 Nov 2026 08:12:31 GMT"), now: Date(timeIntervalSince1970: 1_794_730_231)))
        #expect(later.seconds == 120)
    }

    @Test func onlyBusyAnswersWithAReadableValueCount() {
        #expect(RetryAfter(response(500, "1"), now: now) == nil)
        #expect(RetryAfter(response(429, nil), now: now) == nil)
        #expect(RetryAfter(response(429, "pronto"), now: now) == nil)
    }

    @Test func aLongWaitIsToldAsTheTimeOfDay() throws {
        let retryAfter = try #require(RetryAfter(response(429, "3600"), now: now))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let then = calendar.dateComponents([.hour, .minute], from: now.addingTimeInterval(3_600))
        let expected = String(format: "el servidor pidió esperar hasta las %02d:%02d", then.hour ?? 0, then.minute ?? 0)
        #expect(retryAfter.reason(from: now) == expected)
    }
}
