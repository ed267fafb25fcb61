import TerritorioServidorCore

/// What the command line asked for, once parsed.
enum Command: Equatable {
    case serve(host: String, port: Int)
    case createToken(gestor: String, name: String?)
    case listTokens(gestor: String?)
    case revokeTokens(gestor: String)
    case revokeToken(id: Int64)
    case publishCatalogue(path: String)
    case listNovedades(json: Bool)
    case setStatus(radicado: String, estado: String, nota: String?)
    case maintenance
    case findTitular(TitularQuery, json: Bool)
    case suppressTitular(radicado: String, reason: String?, photos: Bool)
    case purge(closedDays: Int?, openDays: Int?)
    case migrateAttachments
    case help
}
