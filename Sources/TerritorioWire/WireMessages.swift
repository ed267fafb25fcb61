/// `GET /api/v1/sesion`: who the token belongs to, the server's limits and catalogue cursor.
/// A `200` whose body is not this (a captive portal's HTML page) means "offline".
public struct SessionResponse: Codable, Equatable, Sendable {
    public let servicio: String
    public let version_protocolo: Int
    public let gestor: String
    public let limites: Limits
    public let catalogo: CatalogueCursor

    public struct Limits: Codable, Equatable, Sendable {
        public let bytes_por_adjunto: Int
        public let adjuntos_por_novedad: Int
        public init(bytes_por_adjunto: Int, adjuntos_por_novedad: Int) {
            self.bytes_por_adjunto = bytes_por_adjunto
            self.adjuntos_por_novedad = adjuntos_por_novedad
        }
    }

    public struct CatalogueCursor: Codable, Equatable, Sendable {
        /// The newest published catalogue, `"0"` when none.
        public let cursor: String
        public init(cursor: String) { self.cursor = cursor }
    }

    public init(gestor: String, limites: Limits, catalogo: CatalogueCursor) {
        self.servicio = WireProtocol.serviceName
        self.version_protocolo = WireProtocol.version
        self.gestor = gestor
        self.limites = limites
        self.catalogo = catalogo
    }
}

/// `PUT /api/v1/novedades/{id}` → `201` (new) or `200` (the same bytes again): the receipt.
public struct NovedadReceipt: Codable, Equatable, Sendable {
    public let id: String
    /// `TER-AAAA-NNNNNN`.
    public let radicado: String
    public let estado: String
    /// UTC, ISO 8601, server clock.
    public let recibida_en: String

    public init(id: String, radicado: String, estado: String, recibida_en: String) {
        self.id = id
        self.radicado = radicado
        self.estado = estado
        self.recibida_en = recibida_en
    }
}

/// `GET /api/v1/novedades-estados?desde=CURSOR`: status changes of the token's own novedades.
public struct StatusChanges: Codable, Equatable, Sendable {
    public let cambios: [StatusChange]
    public let cursor: String

    public init(cambios: [StatusChange], cursor: String) {
        self.cambios = cambios
        self.cursor = cursor
    }
}

public struct StatusChange: Codable, Equatable, Sendable {
    public let id: String
    public let radicado: String
    /// `recibida`, `en_tramite`, `atendida` or `cerrada`.
    public let estado: String
    public let nota: String?
    public let cambiado_en: String

    public init(id: String, radicado: String, estado: String, nota: String?, cambiado_en: String) {
        self.id = id
        self.radicado = radicado
        self.estado = estado
        self.nota = nota
        self.cambiado_en = cambiado_en
    }

    public static let states = ["recibida", "en_tramite", "atendida", "cerrada"]
}

/// An error body, `application/problem+json` (RFC 9457). `type` is one of `ProblemType`.
public struct Problem: Codable, Equatable, Sendable {
    public let type: String
    public let title: String
    public let status: Int
    public let detail: String?
    /// `adjuntos-faltantes`: the hashes the server does not have.
    public let faltantes: [String]?

    public init(type: String, title: String, status: Int, detail: String? = nil, faltantes: [String]? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.faltantes = faltantes
    }
}

/// The `type` URIs of problems (`https://territorio.invalid/problemas/<name>`).
public enum ProblemType {
    public static let base = "https://territorio.invalid/problemas/"
    public static let unauthorized = base + "token-invalido"
    public static let digestMismatch = base + "digest-no-coincide"
    public static let tooLarge = base + "demasiado-grande"
    public static let invalidNovedad = base + "novedad-invalida"
    public static let novedadConflict = base + "conflicto-novedad"
    public static let missingAttachments = base + "adjuntos-faltantes"
    public static let cursorExpired = base + "cursor-vencido"
    /// A `PATCH` whose `Upload-Offset` is not what the server holds; the answer says where to go on.
    public static let uploadOffsetMismatch = base + "desplazamiento-no-coincide"
    public static let notFound = base + "no-encontrado"
    /// A method the path does not support; `Allow` lists those it does.
    public static let methodNotAllowed = base + "metodo-no-admitido"
    public static let badRequest = base + "solicitud-invalida"
    public static let unavailable = base + "no-disponible"
    /// `507`: the gestor's incomplete uploads fill their share; retried after `Retry-After`.
    public static let uploadSpaceFull = base + "sin-espacio-para-subidas"
}
