import Foundation

/// Measures what the gestor waits for, when `TERRITORIO_MEDICION` names a file: for each burst
/// of keys, the time from reading the first key to showing a frame with every answer in it (the
/// results of that key). Written at exit, one `tecla_ms <ms> <keys in the burst>` line per
/// burst, for the README's measurement; off (nil) otherwise.
final class LatencyProbe {
    private let path: String
    private var pendingSince: UInt64?
    private var pendingKeys = 0
    private var samples: [(milliseconds: Double, keys: Int)] = []

    init?(environment: [String: String]) {
        guard let path = environment["TERRITORIO_MEDICION"], !path.isEmpty else { return nil }
        self.path = path
    }

    func keyRead() {
        if pendingSince == nil { pendingSince = DispatchTime.now().uptimeNanoseconds }
        pendingKeys += 1
    }

    /// A frame was shown; `settled` when no answer is still awaited.
    func framePresented(settled: Bool) {
        guard settled, let since = pendingSince else { return }
        samples.append((Double(DispatchTime.now().uptimeNanoseconds - since) / 1_000_000, pendingKeys))
        pendingSince = nil
        pendingKeys = 0
    }

    func write() {
        let text = samples.map { String(format: "tecla_ms %.3f %d\n", $0.milliseconds, $0.keys) }.joined()
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
