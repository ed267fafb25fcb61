import TerritorioModel

/// Where the novedad screens read and change novedades and the gestor's profile. The store's
/// implementation (`StoreNovedadSource`) wraps `NovedadStore` and `ProfileStore`; the tabs'
/// snapshot tests read fixed fixtures.
protocol NovedadSource {
    /// The novedades in any of `states`, newest first.
    func novedades(in states: [NovedadState]) throws -> [Novedad]
    /// How many novedades are in each state.
    func counts() throws -> [NovedadState: Int]
    func novedad(_ id: String) throws -> Novedad
    /// A new draft with `changes`.
    func create(_ changes: NovedadChanges) throws -> Novedad
    func update(_ id: String, _ changes: NovedadChanges) throws -> Novedad
    func attach(_ id: String, path: String) throws -> Novedad
    func removeAttachment(_ id: String, sha256: String) throws -> Novedad
    /// Everything a draft lacks before it can be queued.
    func problems(of id: String) throws -> [ValidationProblem]
    func enqueue(_ id: String) throws -> Novedad
    func dequeue(_ id: String) throws -> Novedad
    /// A new draft correcting a rejected novedad.
    func correct(_ id: String) throws -> Novedad
    /// Moves a draft to the papelera.
    func delete(_ id: String) throws
    /// Brings a draft back from the papelera.
    func restore(_ id: String) throws -> Novedad
    /// Puts back a photo just removed from a draft, at its place.
    func restoreAttachment(_ id: String, _ attachment: AttachmentRecord, order: Int) throws -> Novedad
    func profile() throws -> Profile
    func save(_ profile: Profile) throws
    /// Whether the data directory is on an encrypted disk (the Perfil screen warns when not).
    func diskEncryption() -> DiskEncryption
}
