import Foundation

/// A feed that answers on a worker thread with its own `RouteSource` (its own connection to the
/// store), so the interface keeps reading keys while a search runs. Only the newest question is
/// kept: questions the gestor typed past are never started. A count the rows did not give is
/// made after them, and abandoned as soon as a new question arrives.
final class ThreadedRouteFeed: RouteFeed {
    private let mailbox = Mailbox()
    private let makeSource: @Sendable () throws -> any RouteSource
    /// Answers the first question on the caller's thread; used once, then let go.
    private var firstSource: (any RouteSource)?
    private var started = false

    /// - Parameters:
    ///   - firstSource: answers the first question at once, its count included, on the caller's
    ///     thread and connection: the first screen is drawn without waiting for a thread to start
    ///     and open a connection of its own. The worker then starts with the next question, or
    ///     earlier with `start()`. Nil: the worker starts now and answers every question.
    ///   - makeSource: called once, on the worker thread; the source never leaves it.
    init(firstSource: (any RouteSource)? = nil, makeSource: @escaping @Sendable () throws -> any RouteSource) {
        self.makeSource = makeSource
        self.firstSource = firstSource
        if firstSource == nil { start() }
    }

    deinit { mailbox.stop() }

    /// Starts the worker thread if it is not running yet.
    func start() {
        guard !started else { return }
        started = true
        let mailbox = mailbox
        let makeSource = makeSource
        let thread = Thread {
            Self.work(mailbox: mailbox, makeSource: makeSource)
        }
        thread.name = "territorio-rutas"
        thread.start()
    }

    func submit(_ request: RouteRequest) {
        if let source = firstSource {
            firstSource = nil
            let (answer, owesTotal) = source.answerPage(request)
            mailbox.deliver(answer)
            if owesTotal, case .success(let counted?) = Result(catching: { try source.total(for: request.query, isCancelled: { false }) }) {
                mailbox.deliver(.total(request, counted))
            }
            return
        }
        start()
        mailbox.post(request)
    }

    func takeAnswers() -> [RouteAnswer] {
        mailbox.takeAnswers()
    }

    var isBusy: Bool { mailbox.isBusy }

    private static func work(mailbox: Mailbox, makeSource: @Sendable () throws -> any RouteSource) {
        let source: any RouteSource
        do {
            source = try makeSource()
        } catch {
            let message = FailureText.describe(error)
            while case .request(let request) = mailbox.next(waitingAtMost: nil) { mailbox.deliver(.failed(request, message)) }
            return
        }
        /// The newest question whose count is still owed.
        var owed: RouteRequest?
        while true {
            switch mailbox.next(waitingAtMost: owed == nil ? nil : .zero) {
            case .stopped:
                return
            case .request(let request):
                if let counted = owed, counted.generation != request.generation { owed = nil }
                let (answer, owesTotal) = source.answerPage(request)
                mailbox.deliver(answer)
                if owesTotal { owed = request } else if case .page(_, let page) = answer, page.total != nil { owed = nil }
            case .quiet:
                guard let request = owed else { continue }
                owed = nil
                switch Result(catching: { try source.total(for: request.query, isCancelled: { mailbox.hasNewer }) }) {
                case .success(let counted?): mailbox.deliver(.total(request, counted))
                case .success(nil): owed = request
                case .failure: break
                }
            }
        }
    }
}

/// The worker's inbox and outbox, shared by two threads; every field is read and written
/// under `condition`'s lock only.
private final class Mailbox: @unchecked Sendable {
    enum Next {
        case request(RouteRequest)
        /// No question came in the time given.
        case quiet
        case stopped
    }

    private let condition = NSCondition()
    private var waiting: RouteRequest?
    private var answers: [RouteAnswer] = []
    private var idle = true
    private var stopped = false

    /// Replaces any question not yet started; a count asked for the same query is kept.
    func post(_ request: RouteRequest) {
        condition.lock()
        var request = request
        if let waiting, waiting.generation == request.generation, waiting.wantsTotal { request.wantsTotal = true }
        waiting = request
        condition.broadcast()
        condition.unlock()
    }

    /// The next question, waiting for one at most `duration` (nil: as long as it takes, idle).
    func next(waitingAtMost duration: Duration?) -> Next {
        condition.lock()
        defer { condition.unlock() }
        idle = duration == nil
        let deadline = duration.map { Date(timeIntervalSinceNow: Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) }
        while waiting == nil, !stopped {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        idle = false
        if stopped { return .stopped }
        guard let request = waiting else { return .quiet }
        waiting = nil
        return .request(request)
    }

    /// A question arrived that the worker has not started.
    var hasNewer: Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiting != nil || stopped
    }

    /// A question is waiting, or the worker is answering or about to count.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiting != nil || !idle || !answers.isEmpty
    }

    func deliver(_ answer: RouteAnswer) {
        condition.lock()
        answers.append(answer)
        condition.unlock()
    }

    func takeAnswers() -> [RouteAnswer] {
        condition.lock()
        defer {
            answers = []
            condition.unlock()
        }
        return answers
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
