import TerritorioModel

/// The Novedades screen's questions answered by the store.
struct StoreNovedadSource: NovedadSource {
    let store: NovedadStore

    func novedades(in states: [NovedadState]) throws -> [Novedad] {
        let all = try states.flatMap { try store.list(state: $0) }
        guard states.count > 1 else { return all }
        return all.sorted { ($0.createdAt, $1.id) > ($1.createdAt, $0.id) }
    }

    func counts() throws -> [NovedadState: Int] {
        try store.counts()
    }
}
