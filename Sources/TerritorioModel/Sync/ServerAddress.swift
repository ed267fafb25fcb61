import Foundation

/// The sync server's base URL, checked: TLS (`https`) in production; plain `http` only to this
/// machine (loopback) or when the gestor allowed it on purpose.
public struct ServerAddress: Equatable, Sendable {
    public let url: URL

    /// - Throws: `SyncError.invalidServer` with the reason.
    public init(_ text: String, allowInsecureHTTP: Bool) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed),
              let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw SyncError.invalidServer("«\(text)» no es una dirección como https://servidor.ejemplo")
        }
        switch scheme {
        case "https":
            break
        case "http":
            let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
            guard loopback || allowInsecureHTTP else {
                throw SyncError.invalidServer("«\(text)» usa http sin cifrar hacia otra máquina; use https, o --permitir-http si es a propósito")
            }
        default:
            throw SyncError.invalidServer("«\(text)» debe empezar por https://")
        }
        self.url = url
    }

    /// The URL of a protocol path (`/api/v1/…`), with an optional query.
    func endpoint(_ path: String, query: [URLQueryItem] = []) -> URL {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + path
        if !query.isEmpty { components.queryItems = query }
        return components.url ?? url
    }
}
