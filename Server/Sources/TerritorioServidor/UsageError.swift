/// A command line that cannot be understood: exit code 2, with the usage of the command.
struct UsageError: Error, Equatable {
    let message: String
    let usage: String
}
