/// A route or protocol of attention: what to do for a citizen, in order, whom to call and where
/// to send them. Field names in files and `--json` output are the Spanish ones of
/// `docs/formato-catalogo.md`.
public struct Ruta: Equatable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    /// Theme ids.
    public var themes: [String]
    /// Ids of the competent entities.
    public var entities: [String]
    /// Who the route serves, in words.
    public var population: String
    /// Ids of population groups (enfoque diferencial).
    public var populationGroups: [String]
    public var coverage: Coverage
    public var steps: [RouteStep]
    public var channels: [Channel]
    public var requirements: [String]
    public var legalBasis: [String]
    /// The sources give no norm for this route yet: shown as «Base legal: por confirmar» and
    /// reported by `catalogo revisar` as known, not as a mistake.
    public var legalBasisUnconfirmed: Bool
    /// Where the facts come from, in words.
    public var source: String
    /// Ids of the catalogue's `fuentes` the route's facts come from.
    public var sources: [String]
    /// Date of the last update, `AAAA-MM-DD`.
    public var updated: String

    public init(id: String, title: String, summary: String, themes: [String], entities: [String], population: String,
                populationGroups: [String], coverage: Coverage, steps: [RouteStep], channels: [Channel],
                requirements: [String], legalBasis: [String], legalBasisUnconfirmed: Bool = false, source: String,
                sources: [String] = [], updated: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.themes = themes
        self.entities = entities
        self.population = population
        self.populationGroups = populationGroups
        self.coverage = coverage
        self.steps = steps
        self.channels = channels
        self.requirements = requirements
        self.legalBasis = legalBasis
        self.legalBasisUnconfirmed = legalBasisUnconfirmed
        self.source = source
        self.sources = sources
        self.updated = updated
    }

    /// Where a route applies.
    public enum Coverage: Equatable, Sendable {
        case everywhere
        case localidades([String])
    }

    /// The channel to read aloud first: the one marked principal, else the first phone line.
    public var mainChannel: Channel? {
        channels.first(where: \.isMain) ?? channels.first { $0.kind == .telefono }
    }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)),
            ("titulo", .string(title)),
            ("resumen", .string(summary)),
            ("temas", .strings(themes)),
            ("entidades", .strings(entities)),
            ("poblacion", .string(population)),
            ("poblaciones", .strings(populationGroups)),
            ("localidades", coverage.json),
            ("pasos", .array(steps.map(\.json))),
            ("canales", .array(channels.map(\.json))),
            ("requisitos", .strings(requirements)),
            ("base_legal", .strings(legalBasis)),
        ]
        if legalBasisUnconfirmed { members.append(("base_legal_por_confirmar", .bool(true))) }
        members += [
            ("fuente", .string(source)),
            ("fuentes", .strings(sources)),
            ("actualizada", .string(updated)),
        ]
        return .object(members)
    }
}

extension Ruta.Coverage {
    var json: JSONValue {
        switch self {
        case .everywhere: .string("todas")
        case .localidades(let ids): .strings(ids)
        }
    }
}

/// One step of a route, in one line, with optional detail.
public struct RouteStep: Equatable, Sendable {
    public var title: String
    public var detail: String?

    public init(title: String, detail: String? = nil) {
        self.title = title
        self.detail = detail
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("titulo", .string(title))]
        if let detail { members.append(("detalle", .string(detail))) }
        return .object(members)
    }
}
