/// One value of a reference list: a localidad, an entity, a theme, a novedad type, an urgency
/// or a population group. Only the fields of its kind are set.
public struct ReferenceItem: Equatable, Sendable {
    public let kind: ReferenceKind
    public let id: String
    public let name: String
    /// Localidades: their official number (1–20).
    public let number: Int?
    /// Entities: their acronym (`SDIS`, `IDIPRON`).
    public let acronym: String?
    public let description: String?
    /// Novedad types: the id of the entity that usually attends them.
    public let entity: String?
    /// Novedad types: their theme id.
    public let theme: String?

    public init(kind: ReferenceKind, id: String, name: String, number: Int? = nil, acronym: String? = nil,
                description: String? = nil, entity: String? = nil, theme: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.number = number
        self.acronym = acronym
        self.description = description
        self.entity = entity
        self.theme = theme
    }

    /// The item in the catalogue file's shape (without `lista` unless asked).
    public func json(includingKind: Bool = false) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if includingKind { members.append(("lista", .string(kind.rawValue))) }
        members.append(("id", .string(id)))
        if let number { members.append(("numero", .integer(Int64(number)))) }
        if let acronym { members.append(("sigla", .string(acronym))) }
        members.append(("nombre", .string(name)))
        if let entity { members.append(("entidad", .string(entity))) }
        if let theme { members.append(("tema", .string(theme))) }
        if let description { members.append(("descripcion", .string(description))) }
        return .object(members)
    }

    /// How the item reads in a list: `8 Kennedy`, `IDIPRON — Instituto …`.
    public var label: String {
        if let number { return "\(number) \(name)" }
        if let acronym { return "\(acronym) — \(name)" }
        return name
    }
}
