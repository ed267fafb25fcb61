/// A citizen's contact data, kept only with a consent record (Ley 1581 de 2012): who took the
/// consent, when, and which version of the text was read to the citizen.
public struct CitizenContact: Equatable, Sendable {
    public var name: String?
    public var phone: String?
    public var consent: Consent?
    /// The citizen's data includes sensitive data (health, ethnicity, …): optional to give, marked.
    public var includesSensitiveData: Bool
    /// The data concerns a child or adolescent: optional to give, marked.
    public var concernsAChild: Bool

    public init(name: String? = nil, phone: String? = nil, consent: Consent? = nil,
                includesSensitiveData: Bool = false, concernsAChild: Bool = false) {
        self.name = name
        self.phone = phone
        self.consent = consent
        self.includesSensitiveData = includesSensitiveData
        self.concernsAChild = concernsAChild
    }

    /// Whether there is any personal data at all.
    public var hasData: Bool { name != nil || phone != nil }

    var json: JSONValue {
        .object([
            ("nombre", .optional(name)),
            ("telefono", .optional(phone)),
            ("consentimiento", consent?.json ?? .null),
            ("datos_sensibles", .bool(includesSensitiveData)),
            ("datos_de_menor", .bool(concernsAChild)),
        ])
    }
}

/// The record that the citizen agreed, after hearing a given version of the consent text.
public struct Consent: Equatable, Sendable {
    public let textVersion: String
    public let takenBy: String
    /// UTC, ISO 8601.
    public let takenAt: String

    public init(textVersion: String, takenBy: String, takenAt: String) {
        self.textVersion = textVersion
        self.takenBy = takenBy
        self.takenAt = takenAt
    }

    var json: JSONValue {
        .object([("version_texto", .string(textVersion)), ("tomado_por", .string(takenBy)), ("tomado_en", .string(takenAt))])
    }
}
