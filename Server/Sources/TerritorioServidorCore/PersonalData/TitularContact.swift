import Foundation
import TerritorioWire

/// The citizen's contact data a novedad's body carries in `contacto` (the client's form: name,
/// phone, the consent record, the sensitive-data and minor flags), and how a titular's request
/// finds it: names ignoring case, accents and spacing, whole words; phones by their digits.
public struct TitularContact: Encodable, Equatable, Sendable {
    public let nombre: String?
    public let telefono: String?
    public let datosSensibles: Bool?
    public let datosDeMenor: Bool?
    public let consentimiento: Consent?

    /// The record of the citizen's authorization, as the client sent it.
    public struct Consent: Codable, Equatable, Sendable {
        public let version_texto: String?
        public let tomado_por: String?
        public let tomado_en: String?
    }

    /// The contact of a stored body; nil when it has none (no `contacto`, or one without name
    /// or phone).
    init?(body: some Collection<UInt8>) {
        guard let contact = (try? JSONParser.parse(Array(body)))?["contacto"], contact.objectValue != nil else { return nil }
        nombre = contact["nombre"]?.stringValue
        telefono = contact["telefono"]?.stringValue
        guard nombre != nil || telefono != nil else { return nil }
        datosSensibles = contact["datos_sensibles"]?.boolValue
        datosDeMenor = contact["datos_de_menor"]?.boolValue
        if let consent = contact["consentimiento"], consent.objectValue != nil {
            consentimiento = Consent(version_texto: consent["version_texto"]?.stringValue, tomado_por: consent["tomado_por"]?.stringValue,
                                     tomado_en: consent["tomado_en"]?.stringValue)
        } else {
            consentimiento = nil
        }
    }

    public init(nombre: String?, telefono: String?, datosSensibles: Bool?, datosDeMenor: Bool?, consentimiento: Consent?) {
        self.nombre = nombre
        self.telefono = telefono
        self.datosSensibles = datosSensibles
        self.datosDeMenor = datosDeMenor
        self.consentimiento = consentimiento
    }

    /// Whether this contact is the person asked for.
    func matches(_ query: TitularQuery) -> Bool {
        switch query {
        case .name(let name):
            guard let nombre else { return false }
            return (" " + Self.folded(nombre) + " ").contains(" " + Self.folded(name) + " ")
        case .phone(let phone):
            guard let telefono else { return false }
            return Self.digits(telefono) == Self.digits(phone)
        }
    }

    /// Whether `text` (an audit reason) mentions this contact's phone or any word of three
    /// letters or more of the name.
    func isMentioned(in text: String) -> Bool {
        let words = Set(Self.folded(text).split(separator: " "))
        if let nombre, Self.folded(nombre).split(separator: " ").contains(where: { $0.count >= 3 && words.contains($0) }) { return true }
        if let telefono, Self.digits(telefono).count >= 7, Self.digits(text).contains(Self.digits(telefono)) { return true }
        return false
    }

    /// Lowercase, without accents, words split on spaces and punctuation and joined by one space.
    public static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: " ")
    }

    /// The digits of a phone, without Colombia's country code (57) in front of a 10-digit number.
    public static func digits(_ text: String) -> String {
        let digits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) })
        return digits.count == 12 && digits.hasPrefix("57") ? String(digits.dropFirst(2)) : digits
    }

    private enum CodingKeys: String, CodingKey {
        case nombre, telefono, consentimiento
        case datosSensibles = "datos_sensibles"
        case datosDeMenor = "datos_de_menor"
    }

    /// Every key always present (`null` when absent), so the JSON has one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nombre, forKey: .nombre)
        try container.encode(telefono, forKey: .telefono)
        try container.encode(datosSensibles, forKey: .datosSensibles)
        try container.encode(datosDeMenor, forKey: .datosDeMenor)
        try container.encode(consentimiento, forKey: .consentimiento)
    }
}

/// Who a titular's request is about.
public enum TitularQuery: Equatable, Sendable {
    case name(String)
    case phone(String)
}
