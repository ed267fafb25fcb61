import Foundation
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// The novedad screens over a real store in a temporary data directory holding the shipped
/// sample catalogue (it has types, urgencies and population groups), with a clock the test moves.
final class FormHarness {
    static let size = Size(columns: 80, rows: 24)

    let folder: TemporaryFolder
    let store: Store
    let desk: NovedadDesk
    let app: App
    private let clock = ManualClock()

    init(profile: Profile? = Profile(name: "Ana Gómez", entity: "sdis"), environment: [String: String] = [:],
         root: ((NovedadDesk) -> any Screen)? = nil) throws {
        folder = try TemporaryFolder()
        store = try Store(directory: DataDirectory(path: folder.path + "/datos"))
        try store.catalogue.replace(with: try CatalogueReader.read(bytes: Array(try Data(contentsOf: Self.sampleCatalogue))))
        if let profile { try ProfileStore(database: store.database).save(profile) }
        let clock = self.clock
        var environment = environment
        environment["PATH"] = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"]
        let references = try store.catalogue.references()
        desk = NovedadDesk(source: StoreNovedadSource(store), references: references,
                           environment: environment, scratchFolder: URL(fileURLWithPath: folder.path + "/datos/tmp"),
                           clock: { clock.now })
        let screen = root?(desk) ?? NovedadesScreen(desk: desk)
        app = App(root: screen, header: HeaderInfo(isSample: true), about: InterfaceFixtures.about)
        let store = store
        app.headerSource = { HeaderInfo.read(from: store, isSample: true) }
    }

    static let sampleCatalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Resources/catalogo-muestra.json").standardizedFileURL

    func press(_ keys: [Key], size: Size = size) {
        InterfaceFixtures.press(keys, on: app, size: size)
        runPendingProgram()
    }

    func type(_ text: String) {
        press(InterfaceFixtures.typing(text))
    }

    /// The screen now, after the loop's turn.
    func screen(_ size: Size = size) -> String {
        InterfaceFixtures.frame(app, size).text
    }

    /// Lets time pass as the loop would, taking autosaves.
    func wait(_ seconds: TimeInterval) {
        clock.now += seconds
        _ = app.update()
    }

    /// Runs a program a screen asked for, as the loop does.
    func runPendingProgram() {
        if let program = app.takeProgram() { app.programFinished(program, status: program.runAttached()) }
    }

    var novedades: [Novedad] {
        (try? store.novedades().list()) ?? []
    }
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_795_000_000)
}
