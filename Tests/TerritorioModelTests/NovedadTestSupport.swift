import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

// Shared by the novedad suites (lifecycle, validation, attachments, retention): a data directory
// of its own holding the small catalogue, a fixed clock, and ways to read back what a test needs
// to compare byte for byte (the novedad's JSON, its frozen payload, the files under adjuntos/).

/// A real store in a temporary data directory, with the small catalogue (`prueba-1`) loaded.
struct NovedadBench {
    /// The suites' "now": 2026-11-18T11:06:40Z.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let profileName = "Ana María Gómez"
    static let day: TimeInterval = 86_400

    /// The temporary folder: the data directory is `datos/` inside it; test files go beside it.
    let folder: String
    let store: Store

    var database: Database { store.database }
    var attachmentsFolder: String { store.directory.path + "/adjuntos" }

    /// The store's novedades with a clock stopped at `date`.
    func novedades(at date: Date = NovedadBench.start, limits: AttachmentLimits = AttachmentLimits()) -> NovedadStore {
        store.novedades(limits: limits, clock: { date })
    }

    func saveProfile(name: String? = NovedadBench.profileName, entity: String? = "sdis") throws {
        try ProfileStore(database: database).save(Profile(name: name, entity: entity))
    }

    /// The novedad as `novedad ver --json` prints it.
    func json(_ id: String) throws -> String {
        JSONWriter.string(try novedades().novedad(id).json)
    }

    /// The frozen payload (`carga`), nil for a draft.
    func payload(_ id: String) throws -> String? {
        try database.scalar("SELECT carga FROM novedades WHERE id = ?", [id], as: String.self)
    }

    /// The whole database as text, to show a refused operation changed nothing.
    func dump() throws -> String {
        try fullDump(database)
    }

    /// The names under `adjuntos/`, without the lock file, sorted.
    func storedFiles() throws -> [String] {
        guard FileManager.default.fileExists(atPath: attachmentsFolder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: attachmentsFolder).filter { $0 != ".bloqueo" }.sorted()
    }

    func storedBytes(_ sha256: String) throws -> [UInt8] {
        try bytes(at: attachmentsFolder + "/" + sha256)
    }

    /// Writes `bytes` to `name` in the test folder (outside the data directory) and returns its path.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try writeFile(bytes, to: path)
        return path
    }

    /// Gives a draft the citizen's contact data without a consent record, as drafts written
    /// before consent was required even in a draft may hold it (the store refuses it now).
    func storeContactWithoutConsent(_ id: String, name: String? = nil, phone: String? = nil) throws {
        try database.execute("UPDATE novedades SET contacto_nombre = ?, contacto_telefono = ? WHERE id = ?", [name, phone, id])
    }

    /// A draft every check of `encolar` accepts (the profile must be complete too).
    func completeDraft(_ extra: (inout NovedadChanges) -> Void = { _ in }, attachments: [String] = [],
                       at date: Date = NovedadBench.start) throws -> Novedad {
        var changes = NovedadChanges.complete
        extra(&changes)
        return try novedades(at: date).create(changes, attachments: attachments)
    }

    /// A novedad brought to `state` through the store's own transitions, with one photo attached.
    func novedad(in state: NovedadState, radicado: String = "TER-2026-000001") throws -> Novedad {
        let photo = try file("foto-\(UUID().uuidString).png", PNGBuilder.png(width: 5, height: 4, gps: false).bytes)
        let store = novedades()
        let draft = try completeDraft(attachments: [photo])
        guard state != .borrador else { return draft }
        _ = try store.enqueue(draft.id)
        if state == .enCola { return try store.novedad(draft.id) }
        try store.beginSending(draft.id)
        switch state {
        case .enviada: try store.recordSent(draft.id, radicado: radicado)
        case .rechazada: try store.recordRejected(draft.id, reason: "La dirección no existe en la localidad indicada")
        default: break
        }
        return try store.novedad(draft.id)
    }
}

/// Runs `body` with a bench of its own (its own temporary folder), the profile complete unless
/// `profile` is false.
func withNovedadBench<T>(profile: Bool = true, _ body: (NovedadBench) throws -> T) throws -> T {
    try withTemporaryDirectory { folder in
        let store = try Store(directory: DataDirectory(path: folder + "/datos"))
        try store.catalogue.replace(with: try Fixtures.smallCatalogue())
        let bench = NovedadBench(folder: folder, store: store)
        if profile { try bench.saveProfile() }
        return try body(bench)
    }
}

extension NovedadChanges {
    /// Type, localidad and a description long enough: what `encolar` requires of the draft itself.
    static var complete: NovedadChanges {
        var changes = NovedadChanges()
        changes.type = "violencia-mujer"
        changes.localidad = "kennedy"
        changes.description = "Mujer con golpes visibles pide ayuda frente al salón comunal."
        return changes
    }
}

func bytes(at path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hex(of: SHA256.digest(of: bytes))
}

/// The state named by a `wrongState` error, nil for any other error.
func refusedState(_ error: (any Error)?) -> NovedadState? {
    if case .wrongState(_, let state, _)? = error as? NovedadError { return state }
    return nil
}

extension JSONValue {
    /// The number of elements of an array, nil for anything else.
    var arrayCount: Int? {
        if case .array(let items) = self { items.count } else { nil }
    }
}
