import Foundation
import Hummingbird

/// `Authorization: Bearer TOKEN`, checked as middleware on the whole API group, so a route added
/// there is protected without anyone remembering to. A missing, unknown or revoked token is the
/// same `401` with the instruction the gestor needs; the client stops the run and keeps its queue.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = APIRequestContext
    let tokens: TokenStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.gestor = try await gestor(for: request)
        return try await next(request, context)
    }

    private func gestor(for request: Request) async throws -> AuthenticatedGestor {
        guard let header = request.headers[.authorization] else { throw APIProblem.unauthorized() }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIProblem.unauthorized() }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let gestor = try await tokens.authenticate(token: token) else {
            throw APIProblem.unauthorized()
        }
        return gestor
    }
}
