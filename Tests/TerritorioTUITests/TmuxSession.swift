import Foundation
import Testing
import TerritorioModel
import TerritorioTestSupport

/// The real `territorio` in a real terminal: a private tmux server (`tmux -L <unique> -f
/// /dev/null`) whose one pane runs the program with `env LANG=C.UTF-8 TERM=xterm-256color` on a
/// fresh data directory, then prints its exit status and whether the terminal's modes came back
/// as they were. Waits poll `capture-pane`; nothing sleeps a fixed time. `stop()` (and deinit)
/// kill the server.
final class TmuxSession {
    static let tmux = "/usr/bin/tmux"
    /// How long a wait polls before failing (tig's test default).
    static let timeout: TimeInterval = 10

    let folder: TemporaryFolder
    let dataDirectory: String
    private let server = "territorio-e2e-" + UUID().uuidString.prefix(12).lowercased()
    private var stopped = false

    /// - Parameters:
    ///   - environment: more variables for the program (`TERRITORIO_FOTOS`, `EDITOR`).
    ///   - dataDirectory: another session's data directory, to start the program again on it.
    init(columns: Int = 80, rows: Int = 24, environment: [String: String] = [:], dataDirectory: String? = nil) throws {
        folder = try TemporaryFolder()
        self.dataDirectory = dataDirectory ?? folder.path + "/datos"
        let script = folder.path + "/pane.sh"
        let variables = environment.sorted { $0.key < $1.key }.map { "'\($0.key)=\($0.value)'" }.joined(separator: " ")
        // The program's pid, for the tests that SIGKILL it: the shell writes its own, then becomes the program.
        try """
            stty -g > '\(folder.path)/stty-antes'
            sh -c 'echo $$ > "$0"; exec "$@"' '\(folder.path)/pid' env \(variables) '\(CLI.binary)' --datos '\(self.dataDirectory)'
            echo "estado=$?"
            stty -g > '\(folder.path)/stty-despues'
            cmp -s '\(folder.path)/stty-antes' '\(folder.path)/stty-despues' && echo terminal=restaurada || echo terminal=alterada
            stty -a
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try tmux(["new-session", "-d", "-s", "t", "-x", String(columns), "-y", String(rows),
                  "env LANG=C.UTF-8 TERM=xterm-256color sh '\(script)'"])
    }

    deinit { stop() }

    /// Runs a tmux command against this session's private server.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> Run {
        let run = try Self.spawn(Self.tmux, ["-L", server, "-f", "/dev/null"] + arguments, capture: folder.path)
        try #require(run.status == 0, "tmux \(arguments.joined(separator: " ")): \(run.stderr)")
        return run
    }

    /// Runs `executable` with posix_spawn and waits for it with waitpid. Not `Process`: the
    /// first tmux command forks the server, which inherits Foundation's descriptors for watching
    /// the child, and `waitUntilExit` then never returns. The child starts clean: no descriptor
    /// of the test runner but 0–2, every signal unblocked and at its default — a test thread
    /// blocks SIGTERM, and a tmux server inheriting that mask ignores `kill-server`.
    static func spawn(_ executable: String, _ arguments: [String], capture folder: String) throws -> Run {
        let outPath = folder + "/tmux-stdout", errPath = folder + "/tmux-stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let inherited = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for descriptor in inherited where descriptor > 2 && fcntl(descriptor, F_GETFD) & FD_CLOEXEC == 0 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // The server's socket goes in the test's own folder, removed with it.
        let environment = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=" + folder, "TMUX_TMPDIR=" + folder]
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        try #require(spawned == 0, "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(status: exitStatus,
                   stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// The running program's process id.
    func programID() throws -> pid_t {
        let text = try String(contentsOfFile: folder.path + "/pid", encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// `territorio ARGUMENTS` on this session's data directory, outside the terminal; its JSON output.
    func territorio(_ arguments: [String]) throws -> JSONValue {
        let run = try CLI.execute(CLI.binary, ["--datos", dataDirectory] + arguments,
                                  environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"])
        try #require(run.status == 0, "\(run.stderr)")
        return try JSONParser.parse(run.stdout)
    }

    /// The pane's text now.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t"]).stdout
    }

    /// Where the terminal's cursor is now (0-based column and row).
    func cursor() throws -> TerminalCursor {
        let text = try tmux(["display-message", "-p", "-t", "t", "#{cursor_x},#{cursor_y}"]).stdout
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        try #require(parts.count == 2, "tmux cursor: \(text)")
        return .init(x: parts[0], y: parts[1])
    }

    /// Polls the pane until `condition` holds; fails with the last screen after `timeout`.
    @discardableResult
    func waitUntil(_ description: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(Self.timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("Waited \(Int(Self.timeout)) s for \(description); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxTimeout()
    }

    /// Polls until the pane shows every one of `texts`.
    @discardableResult
    func waitFor(_ texts: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(all: texts, sourceLocation: sourceLocation)
    }

    @discardableResult
    func waitFor(all texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(texts.map { "«\($0)»" }.joined(separator: " and "), sourceLocation: sourceLocation) { screen in
            texts.allSatisfy(screen.contains)
        }
    }

    /// Presses `key` until the pane shows `text`, waiting for the screen to change in between.
    func pressUntil(_ key: String, shows text: String, times: Int = 5, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for _ in 0..<times {
            let before = try screen()
            if before.contains(text) { return }
            try press(key)
            try waitUntil("the screen to change after \(key)", sourceLocation: sourceLocation) { $0 != before || $0.contains(text) }
        }
        try waitFor(text, sourceLocation: sourceLocation)
    }

    /// Named keys (`Enter`, `Escape`, `C-u`, `F1`), as tmux's send-keys takes them.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "t"] + keys)
    }

    /// Literal text, one key per character.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "t", "-l", text])
    }

    /// Pastes `text` at once, as a terminal pastes a selection.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "pegado", text])
        try tmux(["paste-buffer", "-b", "pegado", "-t", "t"])
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", String(columns), "-y", String(rows)])
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.spawn(Self.tmux, ["-L", server, "-f", "/dev/null", "kill-server"], capture: folder.path)
    }
}

/// Where tmux says the terminal's cursor is.
struct TerminalCursor: Equatable {
    let x: Int
    let y: Int
}

/// A wait for the screen ran out of time (the issue is already recorded).
struct TmuxTimeout: Error {}
