import HTTPTypes
import Hummingbird

/// Registers the API's routes path by path, so every method a path does not support answers
/// `405` with `Allow` (RFC 9110) instead of the `404` of a path that does not exist.
struct APIRoutes<Context: RequestContext> {
    typealias Handler = @Sendable (Request, Context) async throws -> Response

    /// The methods answered `405` on a path that does not support them (QUERY: the safe method
    /// with a body of draft-ietf-httpbis-safe-method-w-body, which Schemathesis tries too).
    static var knownMethods: [HTTPRequest.Method] { [.get, .head, .post, .put, .patch, .delete, .options, .trace, HTTPRequest.Method("QUERY")!] }

    let group: RouterGroup<Context>

    func add(_ path: String, _ handlers: KeyValuePairs<HTTPRequest.Method, Handler>) {
        for (method, handler) in handlers {
            group.on(RouterPath(path), method: method, use: handler)
        }
        let allow = handlers.map(\.key.rawValue).joined(separator: ", ")
        for method in Self.knownMethods where !handlers.contains(where: { $0.key == method }) {
            group.on(RouterPath(path), method: method) { _, _ -> Response in
                throw APIProblem.methodNotAllowed(allow: allow)
            }
        }
    }
}
