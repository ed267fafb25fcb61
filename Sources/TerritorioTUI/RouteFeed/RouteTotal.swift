/// How many routes match: exactly, or at least so many when counting further is not worth it.
enum RouteTotal: Equatable, Sendable {
    case exact(Int)
    case atLeast(Int)
}
