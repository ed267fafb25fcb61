import Foundation

/// The one loop of the interface, on one thread (tig's `get_input`): let screens take answers,
/// draw if anything changed, then wait for a key — briefly while an answer is awaited, longer
/// when idle. Keys already typed are all applied before the next frame, so a paste of 5 000
/// characters costs one search, not 5 000.
///
/// From a key to the frame that shows its answer:
/// 1. Key: `TerminalDevice.readKey` (`Terminal/CursesKeys.swift` decodes it), then
///    `App.handle` finds its `Action` in `KeyMap` (`Input/`) for the top screen's context.
/// 2. Question: the screen's `handle` (`Screens/`) changes its state and, when it needs rows,
///    notes a `RouteRequest` (`RouteFeed/`); it answers with a `ScreenOutcome` that the `App`
///    applies (push, pop, a notice).
/// 3. Answer: on the next turn `App.update` lets every screen send its question
///    (`RouteFeed.submit`; `ThreadedRouteFeed` asks a `StoreRouteSource` on its worker thread)
///    and take the answers that are ready (`RouteFeed.takeAnswers`).
/// 4. Frame: `App.draw` fits the top screen to the body (`Screen.layout`, where a taller list
///    asks for its new rows), then `Screen.render` only draws into the `Canvas` (`Render/`);
///    `TerminalDevice.present` shows it (`Terminal/CursesCanvas.swift`).
enum InterfaceLoop {
    static let idleWaitMilliseconds = 250
    static let busyWaitMilliseconds = 4
    /// Keys applied before a frame is drawn anyway.
    static let keysPerFrame = 512
    /// How long the first frame waits for its answers (the first rows and their count), so the
    /// screen is drawn once, whole, instead of empty and then again.
    static let firstFrameWait = DispatchTimeInterval.milliseconds(250)

    /// - Parameter afterFirstFrame: work that must not delay the first screen (the start's purge).
    static func run(_ app: App, on terminal: any TerminalDevice, probe: LatencyProbe? = nil, afterFirstFrame: () -> Void = {}) {
        defer { app.prepareToQuit() }
        var dirty = true
        var firstFrame = true
        while true {
            if app.update() { dirty = true }
            if firstFrame { settle(app) }
            if dirty {
                terminal.present(repaintAll: app.takeRepaintAll()) { canvas in app.draw(on: canvas) }
                dirty = false
                probe?.framePresented(settled: !app.isWaiting)
            }
            if firstFrame {
                firstFrame = false
                afterFirstFrame()
            }
            var read = terminal.readKey(timeoutMilliseconds: app.expectsAnswers ? busyWaitMilliseconds : idleWaitMilliseconds)
            var applied = 0
            while case .key(let key) = read {
                probe?.keyRead()
                guard app.handle(key, size: terminal.size) else { return }
                dirty = true
                if let program = app.takeProgram() {
                    app.programFinished(program, status: terminal.run(program))
                    break
                }
                applied += 1
                read = applied < keysPerFrame ? terminal.readKey(timeoutMilliseconds: 0) : .timeout
            }
            if read == .closed { return }
        }
    }

    /// Takes answers until none is awaited (a count included), or `firstFrameWait` has passed.
    private static func settle(_ app: App) {
        let deadline = DispatchTime.now() + firstFrameWait
        while app.expectsAnswers, DispatchTime.now() < deadline {
            Thread.sleep(forTimeInterval: 0.000_5)
            _ = app.update()
        }
    }
}
