import HTTPTypes
import Hummingbird
import NIOCore
import TerritorioWire

/// Reads a request body whole while hashing it, refusing it as soon as it passes `limit`: first by
/// its `Content-Length` when announced, then by counting, since a chunked body announces nothing.
struct ReceivedBody {
    let bytes: ByteBuffer
    let sha256: [UInt8]

    static func read(_ request: Request, limit: Int, what: String) async throws -> ReceivedBody {
        if let announced = request.headers[.contentLength].flatMap({ Int($0) }), announced > limit {
            throw APIProblem.tooLarge(limit: limit, what: what)
        }
        var collected = ByteBuffer()
        var hasher = SHA256()
        for try await part in request.body {
            guard collected.readableBytes + part.readableBytes <= limit else {
                throw APIProblem.tooLarge(limit: limit, what: what)
            }
            part.withUnsafeReadableBytes { hasher.update($0) }
            collected.writeImmutableBuffer(part)
        }
        return ReceivedBody(bytes: collected, sha256: hasher.finalize())
    }

    /// Checks the body against every digest header the client sent (`Repr-Digest`, and
    /// `Content-Digest`, equal here since bodies are never content-encoded). A header with a
    /// `sha-256` member that does not decode counts as a mismatch; other algorithms are ignored.
    func verifyDigestHeaders(of request: Request) throws {
        try Self.verifyDigestHeaders(of: request, against: sha256)
    }

    /// The same check against a hash known before the body is read (a photo's address).
    static func verifyDigestHeaders(of request: Request, against sha256: [UInt8]) throws {
        for name in [HTTPField.Name.reprDigest, .contentDigest] {
            for value in request.headers[values: name] where value.lowercased().contains("sha-256=") {
                guard let claimed = WireProtocol.sha256(fromDigestHeader: value), claimed == sha256 else {
                    throw APIProblem.digestMismatch("El contenido recibido no coincide con el encabezado \(name.rawName): pudo dañarse en el camino; reintente.")
                }
            }
        }
    }
}
