/// Why the store could not be opened or used, in words a gestor can act on.
public enum StoreError: Error, Equatable {
    /// The database was written by a newer Territorio.
    case newerSchema(found: Int, known: Int)
    /// The file exists but is not a Territorio database.
    case notADatabase(path: String)
    /// The data directory cannot be created or used.
    case dataDirectory(path: String, reason: String)

    public var message: String {
        switch self {
        case .newerSchema(let found, let known):
            "La base de datos fue creada por una versión más nueva de Territorio (esquema \(found); "
                + "esta versión conoce hasta el \(known)). Actualice el programa; no se modificó nada."
        case .notADatabase(let path):
            "«\(path)» no es una base de datos de Territorio (¿archivo dañado o de otro programa?). No se modificó."
        case .dataDirectory(let path, let reason):
            "No se pudo usar la carpeta de datos «\(path)»: \(reason)."
        }
    }
}
