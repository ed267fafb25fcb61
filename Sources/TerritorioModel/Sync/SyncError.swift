/// Why a sync run could not start or had to stop. Nothing queued is lost in any case.
public enum SyncError: Error, Equatable {
    /// No server in the profile.
    case noServer
    /// The URL is not usable (or is plain HTTP to another machine without permission).
    case invalidServer(String)
    case missingToken
    /// Another sync of this data directory is running.
    case alreadyRunning
    /// The server could not be reached.
    case offline(String)
    /// Something answered that is not a Territorio server (a captive portal's login page).
    case captivePortal
    /// The token was refused: the run stopped.
    case unauthorized(String)
    /// The server answered with an error to the preflight or a pull.
    case server(status: Int, detail: String)
    /// The address answered with a redirect, which is never followed.
    case redirected(to: String)
    /// The catalogue the server sent does not pass validation; the local one is unchanged.
    case invalidCatalogue(String)

    public var message: String {
        switch self {
        case .noServer:
            "No hay un servidor configurado: use «territorio perfil --servidor URL --token TOKEN» (o «sincronizar --servidor URL»)."
        case .invalidServer(let reason):
            "El servidor configurado no sirve: \(reason)."
        case .missingToken:
            "Falta el token del gestor: pida uno a su coordinador y guárdelo con «territorio perfil --token TOKEN»."
        case .alreadyRunning:
            "Ya hay una sincronización en curso en esta carpeta de datos; espere a que termine."
        case .offline(let reason):
            "Sin conexión con el servidor (\(reason)). Las novedades siguen en cola y se enviarán después; no se perdió nada."
        case .captivePortal:
            "La red respondió con una página que no es del servidor de Territorio (¿una red wifi que pide iniciar sesión?). "
                + "Nada se marcó como enviado; vuelva a intentar con otra conexión."
        case .unauthorized(let detail):
            "El servidor rechazó el token: \(detail) Las novedades siguen en cola."
        case .server(let status, let detail):
            "El servidor respondió con error \(status): \(detail). Las novedades siguen en cola."
        case .invalidCatalogue(let reason):
            "El catálogo recibido no es válido y no se aplicó: \(reason)"
        case .redirected:
            "Sin sincronizar: \(reason). Las novedades siguen en cola."
        }
    }

    /// The cause alone, as a queued novedad's last error shows it.
    var reason: String {
        switch self {
        case .redirected(let location): "el servidor respondió con una redirección a \(location); revise la dirección en Perfil"
        default: message
        }
    }
}
