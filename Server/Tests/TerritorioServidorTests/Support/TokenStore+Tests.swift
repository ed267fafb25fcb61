@testable import TerritorioServidorCore

extension TokenStore {
    /// A token as `token crear --gestor VALUE` gives it: a new gestor named `gestor`, or, when
    /// `gestor` is an identifier, another device of that gestor.
    func create(gestor: String) async throws -> String {
        try await issue(gestor: gestor, name: nil).token
    }
}
