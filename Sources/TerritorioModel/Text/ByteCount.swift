import Foundation

/// Sizes as a person reads them: `845 B`, `12,4 KB`, `3,1 MB` (decimal comma, es-CO).
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 1_000, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        return String(rounded).replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: ",0", with: "") + " " + units[unit]
    }
}
