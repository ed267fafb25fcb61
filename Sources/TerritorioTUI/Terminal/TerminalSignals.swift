import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Signals while the interface owns the terminal. SIGTERM, SIGHUP, SIGINT and SIGQUIT only set
/// a flag the loop checks, so it ends through the normal path and restores the terminal. A
/// crash (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE) restores the saved terminal modes
/// and leaves the alternate screen with async-signal-safe calls, then dies as it would have.
enum TerminalSignals {
    static var terminationRequested: Bool {
        terminationFlag.load(ordering: .relaxed)
    }

    /// Saves the terminal's modes as they are now (before curses changes them) and installs the handlers.
    static func install() {
        tcgetattr(STDIN_FILENO, &savedModes)
        for number in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(number) { _ in terminationFlag.store(true, ordering: .relaxed) }
        }
        for number in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            signal(number) { number in
                let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                tcsetattr(STDIN_FILENO, TCSANOW, &savedModes)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}

private let terminationFlag = Atomic<Bool>(false)
/// Written once by `install()` before any handler can run; read only by the crash handler.
nonisolated(unsafe) private var savedModes = termios()
