import Hummingbird
import TerritorioWire

/// `PUT /novedades/{id}`: the client's frozen payload, stored byte for byte once its digest,
/// shape and attachments check out. Refusals of the novedad itself are `4xx` the client marks
/// `rechazada`; everything else leaves it queued.
struct NovedadEndpoint: Sendable {
    let limits: ServerLimits
    let novedades: NovedadStore
    let secret: DigestSecret

    func put(id: String, request: Request, gestor: AuthenticatedGestor) async throws -> Response {
        let body = try await ReceivedBody.read(request, limit: limits.bytesPerNovedad, what: "La novedad")
        try body.verifyDigestHeaders(of: request)
        guard let document = try? JSONParser.parse(Array(body.bytes.readableBytesView)), document.objectValue != nil else {
            throw APIProblem.badRequest("El cuerpo debe ser un objeto JSON en UTF-8.")
        }
        let payload = NovedadPayload(document: document, urlID: id, maximumAttachments: limits.attachmentsPerNovedad)
        guard payload.problems.isEmpty else { throw APIProblem.invalidNovedad(payload.problems) }
        let outcome = try await novedades.accept(id: id, body: body.bytes, bodyDigest: secret.hex(of: body.bytes.readableBytesView),
                                                 attachments: payload.attachments, from: gestor)
        let digest: HTTPFields = [.reprDigest: WireProtocol.reprDigest(sha256: body.sha256)]
        switch outcome {
        case .created(let receipt): return try JSONResponse.make(receipt, status: .created, headers: digest)
        case .replayed(let receipt): return try JSONResponse.make(receipt, status: .ok, headers: digest)
        case .conflict(let radicado): throw APIProblem.conflict(radicado: radicado)
        case .missingAttachments(let hashes): throw APIProblem.missingAttachments(hashes)
        }
    }
}
