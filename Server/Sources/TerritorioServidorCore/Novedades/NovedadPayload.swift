import TerritorioWire

/// What the server checks of a novedad before storing its bytes as they came: enough to route and
/// attend it, not the client's whole form (catalogue ids are the client's business: an agency may
/// run an older catalogue than a gestor's device for a while).
struct NovedadPayload {
    static let descriptionLength = 20...5_000

    /// The attachment hashes it references, in order.
    private(set) var attachments: [String] = []
    /// Every shape problem at once, in Spanish; empty when the payload can be stored.
    private(set) var problems: [String] = []

    /// Checks `document`, the parsed body.
    init(document: JSONValue, urlID: String, maximumAttachments: Int) {
        if document["id"]?.stringValue != urlID {
            problems.append("«id» debe ser igual al id de la dirección (\(urlID))")
        }
        if !Hex.isLowercaseUUID(urlID) {
            problems.append("el id debe ser un UUID en minúsculas")
        }
        for field in ["tipo", "localidad"] where (document[field]?.stringValue ?? "").isEmpty {
            problems.append("falta «\(field)»")
        }
        if let description = document["descripcion"]?.stringValue {
            if !Self.descriptionLength.contains(description.count) {
                problems.append("«descripcion» debe tener entre \(Self.descriptionLength.lowerBound) y \(Self.descriptionLength.upperBound) caracteres (tiene \(description.count))")
            }
        } else {
            problems.append("falta «descripcion»")
        }
        checkTypes(of: document)
        guard let elements = document["adjuntos"]?.arrayValue else {
            problems.append("«adjuntos» debe ser una lista")
            return
        }
        for (index, element) in elements.enumerated() {
            if let hash = element["sha256"]?.stringValue, Hex.isSHA256(hash) {
                attachments.append(hash)
            } else {
                problems.append("adjuntos[\(index)] debe ser un objeto con «sha256» de 64 dígitos hexadecimales en minúsculas")
            }
            for field in ["nombre", "formato"] where element[field].map({ $0.stringValue == nil }) == true {
                problems.append("adjuntos[\(index)].\(field) debe ser texto")
            }
            switch element["bytes"] {
            case nil, .integer?: break
            default: problems.append("adjuntos[\(index)].bytes debe ser un número entero")
            }
        }
        if elements.count > maximumAttachments {
            problems.append("tiene \(elements.count) adjuntos y el servidor acepta hasta \(maximumAttachments)")
        }
    }

    /// Fields the server keeps without interpreting still have the types docs/openapi.yaml gives
    /// them, so what is stored is what the contract promises to whoever reads it later.
    private mutating func checkTypes(of document: JSONValue) {
        for field in ["entidad", "barrio", "direccion", "urgencia", "ruta", "catalogo_version", "autor", "corrige"] {
            if let value = document[field], value != .null, value.stringValue == nil { problems.append("«\(field)» debe ser texto o null") }
        }
        for field in ["coordenadas", "contacto"] {
            if let value = document[field], value != .null, value.objectValue == nil { problems.append("«\(field)» debe ser un objeto o null") }
        }
        for field in ["observada_en", "creada_en"] where document[field].map({ $0.stringValue == nil }) == true {
            problems.append("«\(field)» debe ser texto")
        }
        if let groups = document["poblaciones"], groups.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
            problems.append("«poblaciones» debe ser una lista de textos")
        }
    }
}
