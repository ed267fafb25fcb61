@testable import TerritorioTUI

/// A feed that answers on the caller's thread, at once, so tests see answers without threads.
final class SynchronousRouteFeed: RouteFeed {
    private let source: any RouteSource
    private var answers: [RouteAnswer] = []

    init(source: any RouteSource) {
        self.source = source
    }

    func submit(_ request: RouteRequest) {
        let (answer, owesTotal) = source.answerPage(request)
        answers.append(answer)
        if owesTotal, let counted = try? source.total(for: request.query, isCancelled: { false }) {
            answers.append(.total(request, counted))
        }
    }

    var isBusy: Bool { false }

    func takeAnswers() -> [RouteAnswer] {
        defer { answers = [] }
        return answers
    }
}
