import Foundation

/// What a sync run is doing, told to the gestor as it goes: a line of Spanish, and whether it is
/// one more step of a photo on its way (`transfer`), which a terminal redraws in place at most
/// once a second, or a note worth its own line.
public struct SyncProgress: Sendable, Equatable {
    public let line: String
    public let isTransfer: Bool

    public init(_ line: String, isTransfer: Bool = false) {
        self.line = line
        self.isTransfer = isTransfer
    }

    /// «foto 1 de 3: 420 KB de 3,1 MB · faltan unos 9 min»: the bytes the server confirmed, and
    /// the time left at the rate measured so far (none before a rate is known).
    public static func photo(_ number: Int, of count: Int, sent: Int, total: Int, bytesPerSecond: Double?) -> String {
        var line = "foto \(number) de \(count): \(ByteCount.text(sent)) de \(ByteCount.text(total))"
        if let rate = bytesPerSecond, rate > 0, sent < total {
            line += " · " + timeLeft(seconds: Double(total - sent) / rate)
        }
        return line
    }

    /// «faltan unos 9 min», «falta cerca de un minuto», «falta menos de un minuto».
    static func timeLeft(seconds: Double) -> String {
        if seconds < 45 { return "falta menos de un minuto" }
        let minutes = Int((seconds / 60).rounded())
        return minutes <= 1 ? "falta cerca de un minuto" : "faltan unos \(minutes) min"
    }
}
