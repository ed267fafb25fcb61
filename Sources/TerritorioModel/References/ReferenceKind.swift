/// The reference lists a catalogue carries; raw values are the names used in files and on the
/// command line (`territorio referencias localidades`).
public enum ReferenceKind: String, CaseIterable, Sendable {
    case localidades
    case entidades
    case temas
    case tipos
    case urgencias
    case poblaciones

    /// How one item is called in messages ("localidad desconocida").
    public var singular: String {
        switch self {
        case .localidades: "localidad"
        case .entidades: "entidad"
        case .temas: "tema"
        case .tipos: "tipo de novedad"
        case .urgencias: "urgencia"
        case .poblaciones: "población"
        }
    }
}
