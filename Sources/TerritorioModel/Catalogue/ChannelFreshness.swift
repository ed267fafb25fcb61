/// Whether a channel's value may be out of date: its newest cited source is older than a limit
/// measured back from the catalogue's own `fecha` — never from today, so what is shown depends
/// only on the stored data.
public struct ChannelFreshness: Equatable, Sendable {
    /// The newest date among the channel's sources; nil when none of them is dated.
    public let newestSourceDate: SourceDate?
    public let isCurrent: Bool

    /// «verificar vigencia (fuente de 2021)» or «verificar vigencia (fuente sin fecha)»; nil
    /// when the source is recent enough.
    public var warning: String? {
        guard !isCurrent else { return nil }
        return "verificar vigencia (" + (newestSourceDate.map { "fuente de \($0.year)" } ?? "fuente sin fecha") + ")"
    }

    /// `"vigente"` or `"verificar"`, as `--json` prints it.
    public var label: String { isCurrent ? "vigente" : "verificar" }
}

/// Judges channels against one catalogue: its sources and its date.
public struct FreshnessPolicy: Sendable {
    /// How old the newest source may be, in months before the catalogue's date.
    public static let defaultMonths = 24

    let sources: [String: Fuente]
    let limitDay: Int

    /// - Parameters:
    ///   - catalogueDate: the catalogue's `fecha`, `AAAA-MM-DD`.
    public init(sources: [Fuente], catalogueDate: String, months: Int = FreshnessPolicy.defaultMonths) {
        self.sources = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let date = SourceDate(catalogueDate) ?? SourceDate("1900-01-01")!
        limitDay = date.day(monthsBefore: months)
    }

    public init(catalogue: Catalogue, months: Int = FreshnessPolicy.defaultMonths) {
        self.init(sources: catalogue.sources, catalogueDate: catalogue.info.date, months: months)
    }

    public func freshness(of channel: Channel) -> ChannelFreshness {
        let newest = channel.sources.compactMap { sources[$0]?.date }.max()
        return ChannelFreshness(newestSourceDate: newest, isCurrent: newest.map { $0.latestDay >= limitDay } ?? false)
    }

    /// `route` with every channel's freshness filled in, for reading.
    public func judged(_ route: Ruta) -> Ruta {
        var route = route
        for index in route.channels.indices { route.channels[index].freshness = freshness(of: route.channels[index]) }
        return route
    }
}
