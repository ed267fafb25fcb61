/// A refusal or failure a person must read: a bad database URL, a catalogue file that is not
/// one, an unknown radicado. The command line prints `message` and exits 1.
public struct ServerFailure: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
