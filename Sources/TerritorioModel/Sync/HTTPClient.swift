import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP for sync: one long-lived `URLSession` (short-lived ones crash at teardown on Linux),
/// requests one at a time, no credential storage (a Bearer challenge must never reach
/// FoundationNetworking's auth handler), timeouts of whole seconds (sub-second ones become
/// ~1 ms on Linux). Tasks go through a session delegate, never a completion handler: on Linux a
/// completion-handler task follows every redirect without asking, and a redirect must never
/// carry a novedad's body somewhere else — the `3xx` itself is the answer.
public final class HTTPClient: @unchecked Sendable {
    /// A response as sync reads it: status, headers with lowercase names, body.
    public struct Response: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: Data

        public init(status: Int, headers: [String: String], body: Data) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// The request never got an HTTP response: the outcome is unknown, so it is retried later
    /// with the same bytes.
    public struct TransportError: Error, Sendable {
        public let description: String
        /// The limit ran out: the link may be slow rather than gone.
        public let timedOut: Bool
    }

    /// The default limit, in seconds, on a request that moves no answer: `TERRITORIO_ESPERA_SEGUNDOS`.
    public static let defaultStallSeconds = 30
    public static let stallEnvironmentVariable = "TERRITORIO_ESPERA_SEGUNDOS"

    /// How long a request may go without its answer. Photo uploads are cut into pieces that the
    /// measured rate sends well within it (`SyncRunner`), so on a slow link it limits silence, not size.
    public let stallSeconds: Int
    private let session: URLSession
    private let receiver: Receiver

    public init(stallSeconds: Int = HTTPClient.defaultStallSeconds) {
        self.stallSeconds = max(1, stallSeconds)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(self.stallSeconds)
        configuration.urlCredentialStorage = nil
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        receiver = Receiver()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: receiver, delegateQueue: queue)
    }

    /// The stall limit `TERRITORIO_ESPERA_SEGUNDOS` names (whole seconds, 1 to 3600), else 30 s.
    public static func stallSeconds(environment: [String: String]) -> Int {
        guard let text = environment[stallEnvironmentVariable], let seconds = Int(text), (1...3_600).contains(seconds) else {
            return defaultStallSeconds
        }
        return seconds
    }

    /// Sends `request` and waits for its response (a redirect is returned, not followed).
    public func send(_ request: URLRequest) throws(TransportError) -> Response {
        let exchange = Exchange()
        let task = session.dataTask(with: request)
        receiver.begin(task.taskIdentifier, exchange)
        task.resume()
        exchange.done.wait()
        receiver.end(task.taskIdentifier)
        if let error = exchange.error {
            throw TransportError(description: Self.describe(error), timedOut: (error as? URLError)?.code == .timedOut)
        }
        guard let response = exchange.response else {
            throw TransportError(description: "sin respuesta del servidor", timedOut: false)
        }
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Response(status: response.statusCode, headers: headers, body: exchange.body)
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

    /// One request's answer as the delegate collects it.
    private final class Exchange: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var response: HTTPURLResponse?
        var body = Data()
        var error: Error?
    }

    /// The session's delegate: collects each task's answer and refuses every redirect.
    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var exchanges: [Int: Exchange] = [:]

        func begin(_ task: Int, _ exchange: Exchange) { lock.withLock { exchanges[task] = exchange } }
        func end(_ task: Int) { _ = lock.withLock { exchanges.removeValue(forKey: task) } }
        private func exchange(_ task: URLSessionTask) -> Exchange? { lock.withLock { exchanges[task.taskIdentifier] } }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            exchange(dataTask)?.response = response as? HTTPURLResponse
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            exchange(dataTask)?.body.append(data)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            guard let exchange = exchange(task) else { return }
            if exchange.response == nil { exchange.response = task.response as? HTTPURLResponse }
            exchange.error = error
            exchange.done.signal()
        }
    }
}
