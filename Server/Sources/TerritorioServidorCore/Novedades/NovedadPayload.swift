/// What the server checks of a novedad before storing its bytes as they came: enough to route and
/// attend it, not the client's whole form (catalogue ids are the client's business: an agency may
/// run an older catalogue than a gestor's device for a while).
struct NovedadPayload {
    static let descriptionLength = 20...5_000

    /// The attachment hashes it references, in order.
    private(set) var attachments: [String] = []
    /// Every shape problem at once, in Spanish; empty when the payload can be stored.
    private(set) var problems: [String] = []

    init(members: [String: JSONValue], urlID: String, maximumAttachments: Int) {
        if members["id"]?.stringValue != urlID {
            problems.append("«id» debe ser igual al id de la dirección (\(urlID))")
        }
        if !Hex.isLowercaseUUID(urlID) {
            problems.append("el id debe ser un UUID en minúsculas")
        }
        for field in ["tipo", "localidad"] where (members[field]?.stringValue ?? "").isEmpty {
            problems.append("falta «\(field)»")
        }
        if let description = members["descripcion"]?.stringValue {
            if !Self.descriptionLength.contains(description.count) {
                problems.append("«descripcion» debe tener entre \(Self.descriptionLength.lowerBound) y \(Self.descriptionLength.upperBound) caracteres (tiene \(description.count))")
            }
        } else {
            problems.append("falta «descripcion»")
        }
        guard let elements = members["adjuntos"]?.arrayElements else {
            problems.append("«adjuntos» debe ser una lista")
            return
        }
        for (index, element) in elements.enumerated() {
            if let hash = element.objectMembers?["sha256"]?.stringValue, Hex.isSHA256(hash) {
                attachments.append(hash)
            } else {
                problems.append("adjuntos[\(index)] debe ser un objeto con «sha256» de 64 dígitos hexadecimales en minúsculas")
            }
        }
        if elements.count > maximumAttachments {
            problems.append("tiene \(elements.count) adjuntos y el servidor acepta hasta \(maximumAttachments)")
        }
    }
}
