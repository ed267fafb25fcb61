import Foundation
import TerritorioModel

/// The interface's state: a stack of screens (newsboat's `formaction_stack`), the chrome around
/// them and a one-line status. It turns keys into actions for the top screen and draws a frame;
/// the loop (`InterfaceLoop`) decides when.
final class App {
    private(set) var stack: [any Screen]
    private var chrome: Chrome
    /// Read when help opens ("acerca de" counts the routes and names the profile's server, which
    /// may have changed), not before the first screen.
    private let about: () -> AboutInfo
    /// A message shown above the footer until the next key, always a full sentence.
    private(set) var status: String? {
        didSet { status = status.map(StatusSentence.make) }
    }
    private var repaintAll = false
    /// Reads the header again (counts, gestor, server) after something may have changed it.
    var headerSource: (() -> HeaderInfo)?
    /// Sync in the background, when the interface runs on a data directory.
    var sync: BackgroundSync?
    private var syncSeen = BackgroundSync.Status(line: "")
    /// A program a screen asked to run; the loop takes it (`takeProgram`).
    private var pendingProgram: ExternalProgram?
    /// Accessible mode: plain layouts, the cursor always on the focus, sync's progress at most
    /// every `progressInterval` seconds. The Perfil screen's «Accesible» changes it at once.
    var accessible: Bool
    static let progressInterval: TimeInterval = 5
    /// The status while a sync the gestor asked for (`s`) has not ended.
    static let syncRequested = "Sincronizando ahora."
    private var progressShownAt = Date.distantPast
    /// The terminal's size at the last key or frame: a screen uncovered is fitted to it at once.
    private var size: Size?

    init(root: any Screen, header: HeaderInfo, about: @escaping @autoclosure () -> AboutInfo, status: String? = nil,
         accessible: Bool = false) {
        stack = [root]
        chrome = Chrome(header: header)
        self.about = about
        self.status = status.map(StatusSentence.make)
        self.accessible = accessible
    }

    var top: any Screen { stack[stack.count - 1] }

    /// What the gestor asked for last is not on screen yet.
    var isWaiting: Bool { stack.contains { $0.isWaiting } }

    /// Answers are still to come: the loop should poll instead of sleeping.
    var expectsAnswers: Bool { stack.contains { $0.expectsAnswers } }

    /// Applies one key at the current `size`. False when the gestor quits.
    func handle(_ key: Key, size: Size) -> Bool {
        self.size = size
        if key == .resize { return true }
        status = nil
        let context = Chrome.isTooSmall(size) ? KeyContext.tooSmall : top.context
        guard let action = KeyMap.action(for: key, in: context) else { return true }
        return perform(action, in: context)
    }

    /// Does `action` — the app's own (quit, help, sync, the palette) or the top screen's. False
    /// when the gestor quits.
    private func perform(_ action: Action, in context: KeyContext) -> Bool {
        switch action {
        case .quit:
            return false
        case .redraw:
            repaintAll = true
        case .help:
            stack.append(HelpScreen(about: about(), from: context))
        case .syncNow:
            guard let sync else { break }
            sync.requestNow()
            status = Self.syncRequested
        case .palette:
            guard context != .tooSmall, context != .palette else { return true }
            stack.append(PaletteScreen(for: context))
        default:
            guard context != .tooSmall else { return true }
            let outcome = top.handle(action)
            if case .run(let entry) = outcome { return run(entry) }
            apply(outcome)
        }
        return true
    }

    /// The palette's choice: the palette closes and the action runs on the screen below — or,
    /// for a global action that screen lacks, on the catalogue list, the screens above it
    /// closed first with what they had pending saved.
    private func run(_ entry: PaletteEntry) -> Bool {
        pop()
        if entry.runsOnRoot {
            while stack.count > 1 { stack.removeLast().prepareToQuit() }
            uncovered()
        }
        return perform(entry.action, in: top.context)
    }

    /// Lets every screen send its questions and take its answers; true when a redraw is needed.
    func update() -> Bool {
        var changed = false
        for screen in stack where screen.update() { changed = true }
        if changed, top.context == .form || top.context == .profile { refreshHeader() }
        if takeSyncNews() { changed = true }
        return changed
    }

    /// Draws the whole frame on `canvas`: the top screen is fitted to the body (`Screen.layout`),
    /// then drawn with the chrome around it. Returns where the cursor goes — in accessible mode
    /// always somewhere: the screen's focus, else the top of its body.
    func draw(on canvas: any Canvas) -> Point? {
        canvas.isPlain = accessible
        canvas.clear()
        size = canvas.size
        guard !Chrome.isTooSmall(canvas.size) else {
            Chrome.drawTooSmall(on: canvas)
            return accessible ? Point(x: 0, y: 0) : nil
        }
        let (body, statusRows) = layoutTop(in: canvas.size)
        top.render(into: canvas, in: body)
        chrome.draw(on: canvas, context: top.context, offered: top.offers, status: statusRows)
        guard accessible else { return top.cursor }
        return top.focus ?? Point(x: body.x, y: body.y)
    }

    /// Whether the next frame must repaint every cell; asking clears it.
    func takeRepaintAll() -> Bool {
        defer { repaintAll = false }
        return repaintAll
    }

    /// Lets every screen save what is pending before the interface ends.
    func prepareToQuit() {
        for screen in stack { screen.prepareToQuit() }
    }

    /// The program a screen asked to run, if any; asking clears it.
    func takeProgram() -> ExternalProgram? {
        defer { pendingProgram = nil }
        return pendingProgram
    }

    /// The terminal is back from `program`, which ended with `status`: the screen that asked
    /// for it reacts, and every cell is drawn again.
    func programFinished(_ program: ExternalProgram, status: Int32?) {
        repaintAll = true
        apply(program.finished(status))
    }

    private func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        uncovered()
    }

    /// The screen now on top was covered: it reads again what may have changed, and is fitted to
    /// the terminal as it is now. Only the top screen is laid out (every frame, in `draw`), so one
    /// covered during a resize — or a change of accessible mode or of the status rows — kept its
    /// old geometry; laying it out here, once, when it becomes the top again, fixes that for every
    /// cause at the one moment it matters (keys typed before the next frame, an action the palette
    /// runs on it), without laying out screens nobody sees on every resize.
    private func uncovered() {
        top.reappeared()
        guard let size, !Chrome.isTooSmall(size) else { return }
        layoutTop(in: size)
    }

    /// Fits the top screen to the body a terminal of `size` leaves it under the chrome and the
    /// status rows; returns that body and those rows.
    @discardableResult
    private func layoutTop(in size: Size) -> (body: Rect, statusRows: [String]) {
        let statusRows = Chrome.statusRows(status, width: size.columns, plain: accessible)
        let body = chrome.body(in: size, statusRows: statusRows.count)
        top.layout(in: body, plain: accessible)
        return (body, statusRows)
    }

    private func refreshHeader() {
        if let header = headerSource?() { chrome.header = header }
        if syncSeen.running || syncSeen.runs > 0 { chrome.header.syncState = syncSeen.line }
    }

    /// What background sync did since the last turn: its line in the header, novedades read
    /// again after a run, and the run's outcome above the footer. True when anything changed.
    private func takeSyncNews() -> Bool {
        guard let sync else { return false }
        let now = sync.status
        guard now.line != syncSeen.line || now.runs != syncSeen.runs || now.running != syncSeen.running else { return false }
        let finishedRun = now.runs != syncSeen.runs
        // A screen reader would read every photo's progress: in accessible mode, a new sentence
        // at most every few seconds while the same run goes on.
        if accessible, !finishedRun, now.running == syncSeen.running {
            guard Date().timeIntervalSince(progressShownAt) >= Self.progressInterval else { return false }
        }
        progressShownAt = Date()
        syncSeen = now
        if finishedRun {
            for screen in stack { screen.reappeared() }
            if let outcome = sync.takeOutcome(), status == nil || status == Self.syncRequested { status = outcome }
        }
        refreshHeader()
        return true
    }

    private func apply(_ outcome: ScreenOutcome) {
        defer {
            // Typing a search changes nothing stored: the header is read only after other actions.
            if case .ignored = outcome {} else if top.context != .search { refreshHeader() }
        }
        switch outcome {
        case .handled, .ignored:
            break
        case .push(let screen):
            stack.append(screen)
        case .pop:
            pop()
        case .popWithNotice(let message):
            pop()
            status = message
        case .runProgram(let program):
            pendingProgram = program
        case .run:
            break
        case .notice(let message):
            status = message
        }
    }
}
