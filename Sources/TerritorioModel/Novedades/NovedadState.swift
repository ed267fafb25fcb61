/// Where a novedad is in its life: `borrador` → `en_cola` → `enviando` → `enviada`, or
/// `rechazada` (docs/diseno.md "Novedad lifecycle"). Raw values are stored and printed as they are.
public enum NovedadState: String, CaseIterable, Sendable {
    case borrador
    case enCola = "en_cola"
    case enviando
    case enviada
    case rechazada

    /// How a gestor reads it.
    public var label: String {
        switch self {
        case .borrador: "borrador"
        case .enCola: "en cola"
        case .enviando: "enviando"
        case .enviada: "enviada"
        case .rechazada: "rechazada"
        }
    }
}
