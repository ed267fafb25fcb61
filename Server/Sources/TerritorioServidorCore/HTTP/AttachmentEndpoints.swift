import Hummingbird
import TerritorioWire

/// `HEAD` and `PUT /adjuntos/{sha256}`: content-addressed uploads. The URL is the hash, so a retry
/// is the same request, and a file the server already has is never sent twice.
struct AttachmentEndpoints: Sendable {
    let limits: ServerLimits
    let attachments: AttachmentStore

    func head(sha256: String) async throws -> Response {
        guard Hex.isSHA256(sha256) else { return Response(status: .badRequest) }
        guard let size = try await attachments.size(of: sha256) else { return Response(status: .notFound) }
        return Response(status: .ok, headers: [.contentLength: String(size), .reprDigest: Self.reprDigest(sha256)])
    }

    func put(sha256: String, request: Request) async throws -> Response {
        guard Hex.isSHA256(sha256) else {
            throw APIProblem.badRequest("La dirección de un adjunto es su SHA-256: 64 dígitos hexadecimales en minúsculas.")
        }
        let body = try await ReceivedBody.read(request, limit: limits.bytesPerAttachment, what: "El adjunto")
        guard SHA256.hex(of: body.sha256) == sha256 else {
            throw APIProblem.digestMismatch("El SHA-256 del contenido recibido no es el de la dirección: pudo dañarse en el camino; reintente.")
        }
        try body.verifyDigestHeaders(of: request)
        let isNew = try await attachments.store(sha256: sha256, bytes: body.bytes)
        return Response(status: isNew ? .created : .ok, headers: [.reprDigest: Self.reprDigest(sha256)])
    }

    static func reprDigest(_ sha256: String) -> String {
        WireProtocol.reprDigest(sha256: Hex.bytes(of: sha256) ?? [])
    }
}
