import Foundation

/// Paths, headers and limits of the sync protocol (docs/protocolo-sincronizacion.md), shared by
/// the client and the reference server. Codable only: no dependencies.
public enum WireProtocol {
    public static let version = 1
    /// Every path starts here.
    public static let basePath = "/api/v1"
    /// The `servicio` value that tells a real Territorio server from a captive portal.
    public static let serviceName = "territorio"

    public static let sessionPath = basePath + "/sesion"
    public static func attachmentPath(sha256: String) -> String { basePath + "/adjuntos/" + sha256 }
    public static func novedadPath(id: String) -> String { basePath + "/novedades/" + id }
    public static let statusChangesPath = basePath + "/novedades-estados"
    public static let catalogueChangesPath = basePath + "/catalogo/cambios"

    /// Resumable attachment uploads (tus-style, on the attachment's own URL): how many bytes of
    /// the photo the server holds (`HEAD` answers it, `PATCH` must start there), and its whole size.
    public static let uploadOffsetHeader = "Upload-Offset"
    public static let uploadLengthHeader = "Upload-Length"
    /// The media type of a `PATCH` body: bytes that go at `Upload-Offset`.
    public static let uploadContentType = "application/offset+octet-stream"

    /// RFC 9530 `Repr-Digest` value for a SHA-256 digest: `sha-256=:<base64>:`.
    public static func reprDigest(sha256 bytes: [UInt8]) -> String {
        "sha-256=:" + Data(bytes).base64EncodedString() + ":"
    }

    /// The SHA-256 bytes in a `Repr-Digest`/`Content-Digest` value, or nil.
    public static func sha256(fromDigestHeader value: String) -> [UInt8]? {
        for member in value.split(separator: ",") {
            let trimmed = member.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("sha-256=:"), trimmed.hasSuffix(":"), trimmed.count > 10 else { continue }
            let encoded = trimmed.dropFirst("sha-256=:".count).dropLast()
            return Data(base64Encoded: String(encoded)).map { Array($0) }
        }
        return nil
    }
}
