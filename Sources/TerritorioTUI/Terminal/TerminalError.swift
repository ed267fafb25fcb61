/// The terminal could not be taken over (unknown `TERM`, no terminal at all).
struct TerminalError: Error, Equatable {
    let message: String
}
