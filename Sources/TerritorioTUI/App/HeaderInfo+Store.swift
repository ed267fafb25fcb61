import TerritorioModel

extension HeaderInfo {
    /// The header as the store has it now: the gestor's name, whether a server is configured, and
    /// the drafts and queue. Cheap (one small query), so it is read again after every change.
    static func read(from store: Store, isSample: Bool) -> HeaderInfo {
        let profile = try? ProfileStore(database: store.database).load()
        let counts = (try? store.novedades().counts()) ?? [:]
        return HeaderInfo(gestor: profile?.name, syncState: profile?.server == nil ? "sin servidor" : "servidor configurado",
                          drafts: counts[.borrador] ?? 0, queued: (counts[.enCola] ?? 0) + (counts[.enviando] ?? 0),
                          rejected: counts[.rechazada] ?? 0, isSample: isSample)
    }
}
