/// A command line that cannot be understood: unknown command or option, or a missing argument.
/// Exit code 2, with the usage of the command when known.
struct UsageError: Error, Equatable {
    let message: String
    let usage: String?
}
