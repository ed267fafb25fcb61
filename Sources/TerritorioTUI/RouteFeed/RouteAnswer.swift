/// An answer from a `RouteFeed`.
enum RouteAnswer: Sendable {
    case page(RouteRequest, RoutePage)
    case total(RouteRequest, RouteTotal)
    /// The question could not be answered; the message is for the gestor.
    case failed(RouteRequest, String)

    var request: RouteRequest {
        switch self {
        case .page(let request, _), .total(let request, _), .failed(let request, _): request
        }
    }
}
