/// A route as a list shows it: enough to choose it, without its steps and channels.
public struct RouteSummary: Equatable, Sendable {
    public let id: String
    public let title: String
    public let summary: String

    public init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }

    public var json: JSONValue {
        .object([("id", .string(id)), ("titulo", .string(title)), ("resumen", .string(summary))])
    }
}
