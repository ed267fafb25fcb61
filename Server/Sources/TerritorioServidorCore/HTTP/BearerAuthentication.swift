import Foundation
import Hummingbird

/// `Authorization: Bearer TOKEN` on every endpoint. A missing, unknown or revoked token is the same
/// `401` with the instruction the gestor needs; the client stops the run and keeps its queue.
struct BearerAuthentication: Sendable {
    let tokens: TokenStore

    func gestor(for request: Request) async throws -> AuthenticatedGestor {
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
