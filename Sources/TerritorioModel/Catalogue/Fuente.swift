/// A source the catalogue's facts come from (`fuentes` in a `territorio-catalogo/2` file):
/// routes and channels cite it by id, so the data says where each value was seen without
/// pointing outside the file.
public struct Fuente: Equatable, Sendable {
    public var id: String
    public var title: String
    /// URL or description of where the source can be found again.
    public var address: String?
    /// The source's own date at the precision it gives; nil when it carries none.
    public var date: SourceDate?
    /// When the catalogue's authors consulted it.
    public var consulted: SourceDate

    public init(id: String, title: String, address: String? = nil, date: SourceDate? = nil, consulted: SourceDate) {
        self.id = id
        self.title = title
        self.address = address
        self.date = date
        self.consulted = consulted
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("titulo", .string(title))]
        if let address { members.append(("direccion", .string(address))) }
        members.append(("fecha", date.map { .string($0.description) } ?? .null))
        members.append(("consultada", .string(consulted.description)))
        return .object(members)
    }
}
