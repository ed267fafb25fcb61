/// Answers the catalogue list's questions without making the interface wait: questions are
/// submitted, answers collected on a later turn of the loop.
protocol RouteFeed: AnyObject {
    /// Asks `request`, replacing any question not yet started.
    func submit(_ request: RouteRequest)
    /// The answers ready since the last call, oldest first.
    func takeAnswers() -> [RouteAnswer]
    /// Still working on something, a count included: more answers will come.
    var isBusy: Bool { get }
}
