import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP for sync: one long-lived `URLSession` (short-lived ones crash at teardown on Linux),
/// requests one at a time, no credential storage (a Bearer challenge must never reach
/// FoundationNetworking's auth handler), timeouts of whole seconds (sub-second ones become
/// ~1 ms on Linux).
public final class HTTPClient: @unchecked Sendable {
    /// A response as sync reads it: status, headers with lowercase names, body.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: Data

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// The request never got an HTTP response: the outcome is unknown, so it is retried later
    /// with the same bytes.
    public struct TransportError: Error, Sendable {
        public let description: String
    }

    private let session: URLSession

    public init(timeoutSeconds: Int = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(max(1, timeoutSeconds))
        configuration.urlCredentialStorage = nil
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Sends `request` and waits for its response.
    public func send(_ request: URLRequest) throws(TransportError) -> Response {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            if let response = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                }
                box.result = .success(Response(status: response.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.result = .failure(TransportError(description: error.map { Self.describe($0) } ?? "sin respuesta del servidor"))
            }
            done.signal()
        }.resume()
        done.wait()
        switch box.result {
        case .success(let response): return response
        case .failure(let error): throw error
        case nil: throw TransportError(description: "sin respuesta del servidor")
        }
    }

    /// A network error in words a gestor understands.
    private static func describe(_ error: Error) -> String {
        switch (error as? URLError)?.code {
        case .cannotConnectToHost?: "no se pudo conectar con el servidor"
        case .cannotFindHost?, .dnsLookupFailed?: "no se encontró el servidor (¿hay conexión?)"
        case .timedOut?: "el servidor no respondió a tiempo"
        case .networkConnectionLost?: "se cortó la conexión"
        case .notConnectedToInternet?: "no hay conexión a internet"
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?:
            "la conexión segura (TLS) con el servidor falló"
        default: "error de red (\(error.localizedDescription))"
        }
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<Response, TransportError>?
    }
}
