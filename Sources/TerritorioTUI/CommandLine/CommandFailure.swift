/// A command that was understood but refused or failed (bad input, bad data, an unknown
/// reference value). Exit code 1; the message, in Spanish, goes to stderr.
struct CommandFailure: Error, Equatable {
    let message: String
}
