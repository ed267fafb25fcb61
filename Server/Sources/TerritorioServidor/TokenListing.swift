import TerritorioServidorCore

/// What `token crear` and `token listar` tell the coordinator. The token itself goes alone to
/// standard output, so scripts can take it; who it belongs to goes to standard error.
enum TokenListing {
    static func issued(_ token: IssuedToken) -> String {
        let gestor = "\(token.gestor) («\(token.name)»)"
        return token.newGestor ? "Gestor nuevo \(gestor); token \(token.tokenID)." : "Otro dispositivo del gestor \(gestor); token \(token.tokenID)."
    }

    static func text(_ entries: [TokenEntry]) -> String {
        guard !entries.isEmpty else { return "No hay tokens." }
        return entries.map { entry in
            let state = entry.revokedAt.map { "revocado \($0)" } ?? "activo"
            return "\(entry.tokenID)  \(entry.gestor)  «\(entry.name)»  creado \(entry.createdAt)  \(state)"
        }.joined(separator: "\n")
    }
}
