/// Why a catalogue file was refused. The message names the place of the error so the person
/// who prepared the file can fix it.
public enum CatalogueError: Error, Equatable {
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// The file is bigger than any real catalogue.
    case tooLarge(bytes: Int64, limit: Int64)
    /// The file is not JSON.
    case syntax(JSONParser.SyntaxError)
    /// The JSON does not follow the format; `place` is a path such as `rutas[3].pasos[1].titulo`.
    case invalid(place: String, problem: String)

    public var message: String {
        switch self {
        case .unreadable(let path, let reason):
            "No se pudo leer el archivo «\(path)»: \(reason)."
        case .tooLarge(let bytes, let limit):
            "El archivo pesa \(bytes / 1_048_576) MiB; un catálogo puede pesar a lo sumo \(limit / 1_048_576) MiB."
        case .syntax(let error):
            "El archivo no es JSON válido (\(error))."
        case .invalid(let place, let problem):
            "El catálogo no es válido en \(place.isEmpty ? "la raíz" : place): \(problem)."
        }
    }
}
