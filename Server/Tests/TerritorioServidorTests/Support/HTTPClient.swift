import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TerritorioWire

/// Real HTTP over loopback with URLSession, as the client does: one long-lived session, no cache,
/// no credential storage (a stored credential would make FoundationNetworking answer the Bearer
/// challenge, which it cannot do).
enum HTTPClient {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCredentialStorage = nil
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    static func send(_ method: String, _ url: URL, token: String?, body: Data? = nil, headers: [String: String] = [:]) async throws -> HTTPResult {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response): (Data, URLResponse)
        if let body {
            if request.value(forHTTPHeaderField: "Content-Type") == nil {
                request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
            }
            (data, response) = try await session.upload(for: request, from: body)
        } else {
            (data, response) = try await session.data(for: request)
        }
        guard let http = response as? HTTPURLResponse else { throw NotHTTP() }
        return HTTPResult(response: http, body: data)
    }

    struct NotHTTP: Error {}
}

struct HTTPResult: @unchecked Sendable {
    let response: HTTPURLResponse
    let body: Data

    var status: Int { response.statusCode }

    func header(_ name: String) -> String? {
        response.value(forHTTPHeaderField: name)
    }

    var problem: Problem? {
        guard header("Content-Type") == "application/problem+json" else { return nil }
        return try? JSONDecoder().decode(Problem.self, from: body)
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: body)
    }

    /// The body as a JSON object, for answers without a shared wire type (the catalogue delta).
    var object: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}
