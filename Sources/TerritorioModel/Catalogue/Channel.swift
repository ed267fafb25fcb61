/// A way to reach the competent entity: a phone line, WhatsApp, a web platform, an e-mail or an
/// address. Every value carries the date it was last seen in its source (its *fecha de corte*),
/// because numbers change, and whether the source confirms it.
public struct Channel: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case telefono, whatsapp, web, correo, presencial
    }

    public var kind: Kind
    public var name: String
    public var value: String
    public var hours: String?
    /// `AAAA-MM-DD`.
    public var cutOff: String
    public var unconfirmed: Bool
    public var isMain: Bool
    /// Ids of the catalogue's `fuentes` where the value was seen.
    public var sources: [String]
    /// How old its newest source is; filled only when a route is read for showing
    /// (`FreshnessPolicy.judged`), never stored.
    public var freshness: ChannelFreshness?

    public init(kind: Kind, name: String, value: String, hours: String? = nil, cutOff: String,
                unconfirmed: Bool = false, isMain: Bool = false, sources: [String] = []) {
        self.kind = kind
        self.name = name
        self.value = value
        self.hours = hours
        self.cutOff = cutOff
        self.unconfirmed = unconfirmed
        self.isMain = isMain
        self.sources = sources
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("tipo", .string(kind.rawValue)),
            ("nombre", .string(name)),
            ("valor", .string(value)),
        ]
        if let hours { members.append(("horario", .string(hours))) }
        members += [
            ("corte", .string(cutOff)),
            ("por_confirmar", .bool(unconfirmed)),
            ("principal", .bool(isMain)),
            ("fuentes", .strings(sources)),
        ]
        if let freshness {
            members.append(("vigencia", .string(freshness.label)))
            members.append(("fuente_fecha", freshness.newestSourceDate.map { .string($0.description) } ?? .null))
        }
        return .object(members)
    }
}
