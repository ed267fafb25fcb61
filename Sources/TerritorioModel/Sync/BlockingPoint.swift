import Foundation

/// Named places in a sync run where the client can be told to stop and wait forever, so a test
/// can SIGKILL it at exactly that moment (`TERRITORIO_BLOQUEAR_EN=NAME`). It never fails or skips
/// anything: a blocked run just never goes on. Without the variable it does nothing.
enum BlockingPoint: String {
    /// A novedad's `2xx` receipt is parsed and its local commit not yet made.
    case afterReceipt = "despues-de-respuesta"

    static let environmentVariable = "TERRITORIO_BLOQUEAR_EN"

    /// Blocks forever if the environment names this point, after saying so on standard error.
    func reach() {
        guard ProcessInfo.processInfo.environment[Self.environmentVariable] == rawValue else { return }
        FileHandle.standardError.write(Data("territorio: detenido en «\(rawValue)»\n".utf8))
        while true { sleep(3_600) }
    }
}
