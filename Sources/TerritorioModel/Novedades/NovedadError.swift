/// Why an operation on a novedad was refused. Nothing was changed.
public enum NovedadError: Error, Equatable {
    case notFound(String)
    case ambiguousId(String, candidates: [String])
    /// The operation is not allowed in the novedad's current state.
    case wrongState(id: String, state: NovedadState, operation: String)
    /// A value that can never be valid (unknown reference, out-of-range coordinates, too long).
    case invalidValue(field: String, reason: String)
    /// `encolar` found problems: every one of them, listed at once.
    case incomplete([ValidationProblem])
    case attachment(path: String, reason: String)
    case noSuchAttachment(id: String, prefix: String)
    /// The draft is in the papelera: it must be restored first.
    case inTrash(id: String, operation: String)
    /// `restaurar` on a novedad that is not in the papelera.
    case notInTrash(String)
    /// The citizen's name or phone without a recorded consent (Ley 1581 de 2012), even in a draft.
    case contactWithoutConsent

    public var message: String {
        switch self {
        case .notFound(let id):
            "No hay una novedad con id «\(id)» (el comienzo de un id necesita al menos 4 caracteres). Véalas con «territorio novedades»."
        case .ambiguousId(let prefix, let candidates):
            "«\(prefix)» es el comienzo de varias novedades: \(candidates.joined(separator: ", ")). Escriba más caracteres."
        case .wrongState(let id, let state, let operation):
            NovedadError.stateMessage(id: id, state: state, operation: operation)
        case .invalidValue(let field, let reason):
            "Valor no válido en \(field): \(reason)."
        case .incomplete(let problems):
            "La novedad no se puede encolar todavía:\n" + problems.map { "  • \($0.field): \($0.message)" }.joined(separator: "\n")
        case .attachment(let path, let reason):
            "No se adjuntó «\(path)»: \(reason)" + (reason.hasSuffix(".") ? "" : ".")
        case .noSuchAttachment(let id, let prefix):
            "La novedad \(id) no tiene un adjunto cuyo sha256 empiece por «\(prefix)»."
        case .inTrash(let id, let operation):
            "El borrador \(id.prefix(8)) está en la papelera: no se puede \(operation). "
                + "Tráigalo de vuelta con «territorio novedad restaurar \(id.prefix(8))»."
        case .notInTrash(let id):
            "La novedad \(id.prefix(8)) no está en la papelera: no hay nada que restaurar."
        case .contactWithoutConsent:
            "Los datos de contacto del ciudadano solo se guardan con su autorización previa (Ley 1581 de 2012): "
                + "léale el texto de consentimiento y registre su versión con --consentimiento VERSION-DEL-TEXTO. No se guardó nada."
        }
    }

    private static func stateMessage(id: String, state: NovedadState, operation: String) -> String {
        let short = String(id.prefix(8))
        switch state {
        case .enCola, .enviando:
            return "La novedad \(short) está \(state.label): no se puede \(operation). Sus datos quedaron fijos al encolarla"
                + (state == .enCola ? " (use «territorio novedad desencolar \(short)» si aún no se intentó enviar)." : ".")
        case .enviada:
            return "La novedad \(short) ya fue enviada: no se puede \(operation)."
        case .rechazada:
            return "La novedad \(short) fue rechazada y es de solo lectura: no se puede \(operation). "
                + "Use «territorio novedad corregir \(short)» para hacer un borrador nuevo con sus datos."
        case .borrador:
            return "La novedad \(short) es un borrador: no se puede \(operation)."
        }
    }
}

/// One reason a novedad cannot be queued, attached to the field it concerns.
public struct ValidationProblem: Equatable, Sendable {
    /// The field's name as the interface and the command line show it (`tipo`, `descripcion`…).
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
