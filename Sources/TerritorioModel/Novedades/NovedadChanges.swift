/// Changes to a draft's fields, already resolved to ids. A nil field is left as it is; an empty
/// text clears it.
public struct NovedadChanges: Equatable, Sendable {
    public var type: String?
    public var entity: String?
    public var localidad: String?
    public var neighborhood: String?
    public var address: String?
    public var coordinates: Coordinates?
    public var clearCoordinates = false
    public var observedAt: String?
    public var description: String?
    public var urgency: String?
    /// Replaces the population groups when set.
    public var populationGroups: [String]?
    public var route: String?
    public var contactName: String?
    public var contactPhone: String?
    /// The version of the consent text read to the citizen; the taker is the profile, the time now.
    public var consentTextVersion: String?
    public var contactIncludesSensitiveData: Bool?
    public var contactConcernsAChild: Bool?

    public init() {}

    /// Longest description a novedad may have.
    public static let maximumDescription = 5_000
    public static let minimumDescription = 20
    public static let maximumShortText = 300
}
