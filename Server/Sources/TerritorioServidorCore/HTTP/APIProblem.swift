import Foundation
import HTTPTypes
import Hummingbird
import TerritorioWire

/// An error answer of the API: RFC 9457 `application/problem+json` with a `ProblemType` URI and a
/// Spanish `title`/`detail` the client can show as is. Thrown from handlers; the router turns it
/// into the response.
struct APIProblem: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let problem: Problem
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, type: String, title: String, detail: String, faltantes: [String]? = nil) {
        self.status = status
        self.problem = Problem(type: type, title: title, status: status.code, detail: detail, faltantes: faltantes)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        guard request.method != .head else { return Response(status: status, headers: headers) }
        let body = try JSONResponse.encoder.encode(problem)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIProblem {
    static let tokenInstruction = "Pida un token nuevo a su coordinador y péguelo en Perfil."

    static func unauthorized() -> APIProblem {
        var problem = APIProblem(.unauthorized, type: ProblemType.unauthorized, title: "Token no válido",
                                 detail: "El servidor no reconoce este token o fue revocado. " + tokenInstruction)
        problem.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
        return problem
    }

    static func badRequest(_ detail: String) -> APIProblem {
        APIProblem(.badRequest, type: ProblemType.badRequest, title: "Solicitud no válida", detail: detail)
    }

    static func tooLarge(limit: Int, what: String) -> APIProblem {
        APIProblem(.contentTooLarge, type: ProblemType.tooLarge, title: "Demasiado grande",
                   detail: "\(what) pasa del límite del servidor: \(limit) bytes.")
    }

    static func digestMismatch(_ detail: String) -> APIProblem {
        APIProblem(.badRequest, type: ProblemType.digestMismatch, title: "El resumen SHA-256 no coincide", detail: detail)
    }

    static func invalidNovedad(_ problems: [String]) -> APIProblem {
        APIProblem(.unprocessableContent, type: ProblemType.invalidNovedad, title: "Novedad no válida",
                   detail: problems.joined(separator: "; ") + ".")
    }

    static func conflict(radicado: String) -> APIProblem {
        APIProblem(.conflict, type: ProblemType.novedadConflict, title: "Conflicto con una novedad ya recibida",
                   detail: "Ya se recibió una novedad con este id y otro contenido (radicado \(radicado)); no se reemplaza. Cree una novedad nueva que la corrija.")
    }

    static func missingAttachments(_ hashes: [String]) -> APIProblem {
        APIProblem(.conflict, type: ProblemType.missingAttachments, title: "Faltan adjuntos",
                   detail: "El servidor no tiene \(hashes.count == 1 ? "1 adjunto" : "\(hashes.count) adjuntos") de esta novedad; envíelos antes que la novedad.",
                   faltantes: hashes)
    }

    /// The server holds `held` bytes of the photo: the client goes on from there.
    static func uploadOffsetMismatch(held: Int64) -> APIProblem {
        var problem = APIProblem(.conflict, type: ProblemType.uploadOffsetMismatch, title: "La subida no va en ese byte",
                                 detail: "El servidor tiene \(held) bytes de esta foto; continúe desde ahí.")
        problem.headers[.uploadOffset] = String(held)
        return problem
    }

    /// The gestor's incomplete uploads fill their share of the store: the client keeps the photo
    /// queued and tries later, when uploads have completed or expired.
    static func uploadSpaceFull(limit: Int64) -> APIProblem {
        var problem = APIProblem(.init(code: 507, reasonPhrase: "Insufficient Storage"), type: ProblemType.uploadSpaceFull,
                                 title: "Sin espacio para más subidas",
                                 detail: "Este gestor tiene subidas sin terminar que ocupan casi \(limit / (1024 * 1024)) MiB, su límite; se reintenta más tarde.")
        problem.headers[.retryAfter] = "300"
        return problem
    }

    static func cursorExpired(_ cursor: String) -> APIProblem {
        APIProblem(.gone, type: ProblemType.cursorExpired, title: "Cursor del catálogo vencido",
                   detail: "El servidor no conoce la versión «\(cursor)» del catálogo; pida el catálogo completo con desde=0.")
    }

    static func notFound() -> APIProblem {
        APIProblem(.notFound, type: ProblemType.notFound, title: "No encontrado", detail: "Esta dirección no existe en el servidor.")
    }

    static func methodNotAllowed(allow: String) -> APIProblem {
        var problem = APIProblem(.methodNotAllowed, type: ProblemType.methodNotAllowed, title: "Método no admitido",
                                 detail: "Esta dirección solo admite \(allow).")
        problem.headers[.allow] = allow
        return problem
    }

    /// The database or another dependency failed: the client keeps the item queued and retries.
    static func unavailable() -> APIProblem {
        var problem = APIProblem(.serviceUnavailable, type: ProblemType.unavailable, title: "Servicio no disponible",
                                 detail: "El servidor no pudo completar la solicitud; se puede reintentar más tarde sin perder nada.")
        problem.headers[.retryAfter] = "30"
        return problem
    }
}
