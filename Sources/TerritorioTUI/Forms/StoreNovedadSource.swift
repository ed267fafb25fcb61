import TerritorioModel

/// The novedad screens' questions and changes, answered by the store.
struct StoreNovedadSource: NovedadSource {
    let store: NovedadStore
    let profiles: ProfileStore
    let directory: DataDirectory

    init(_ store: Store) {
        self.store = store.novedades()
        profiles = ProfileStore(database: store.database)
        directory = store.directory
    }

    func diskEncryption() -> DiskEncryption {
        DiskEncryption.of(directory)
    }

    func novedades(in states: [NovedadState]) throws -> [Novedad] {
        let all = try states.flatMap { try store.list(state: $0) }
        guard states.count > 1 else { return all }
        return all.sorted { ($0.createdAt, $1.id) > ($1.createdAt, $0.id) }
    }

    func counts() throws -> [NovedadState: Int] {
        try store.counts()
    }

    func novedad(_ id: String) throws -> Novedad {
        try store.novedad(id)
    }

    func create(_ changes: NovedadChanges) throws -> Novedad {
        try store.create(changes)
    }

    func update(_ id: String, _ changes: NovedadChanges) throws -> Novedad {
        try store.update(id, changes)
    }

    func attach(_ id: String, path: String) throws -> Novedad {
        try store.attach(id, path: path)
    }

    func removeAttachment(_ id: String, sha256: String) throws -> Novedad {
        try store.removeAttachment(id, hashPrefix: sha256)
    }

    func problems(of id: String) throws -> [ValidationProblem] {
        try store.problems(of: id)
    }

    func enqueue(_ id: String) throws -> Novedad {
        try store.enqueue(id)
    }

    func dequeue(_ id: String) throws -> Novedad {
        try store.dequeue(id)
    }

    func correct(_ id: String) throws -> Novedad {
        try store.correct(id)
    }

    func delete(_ id: String) throws {
        try store.delete(id)
    }

    func restore(_ id: String) throws -> Novedad {
        try store.restore(id)
    }

    func restoreAttachment(_ id: String, _ attachment: AttachmentRecord, order: Int) throws -> Novedad {
        try store.restoreAttachment(id, attachment, order: order)
    }

    func profile() throws -> Profile {
        try profiles.load()
    }

    func save(_ profile: Profile) throws {
        try profiles.save(profile)
    }
}
