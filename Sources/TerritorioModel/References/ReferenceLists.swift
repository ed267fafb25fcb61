/// All reference lists of a catalogue, each in its file order.
public struct ReferenceLists: Equatable, Sendable {
    private var lists: [ReferenceKind: [ReferenceItem]]

    public init(_ lists: [ReferenceKind: [ReferenceItem]] = [:]) {
        self.lists = lists
    }

    public subscript(kind: ReferenceKind) -> [ReferenceItem] {
        get { lists[kind] ?? [] }
        set { lists[kind] = newValue }
    }

    /// The item of `kind` with exactly this id.
    public func item(_ kind: ReferenceKind, id: String) -> ReferenceItem? {
        self[kind].first { $0.id == id }
    }

    /// The name of the item, or the id itself when the list does not have it.
    public func name(_ kind: ReferenceKind, id: String) -> String {
        item(kind, id: id)?.name ?? id
    }

    /// The lists in the catalogue file's `referencias` shape.
    public var json: JSONValue {
        .object(ReferenceKind.allCases.map { kind in (kind.rawValue, .array(self[kind].map { $0.json() })) })
    }
}
