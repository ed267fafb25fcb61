import Foundation
import TerritorioModel

/// Starts the interface (`territorio` with no command, stdout a terminal): opens the store,
/// imports the sample catalogue on first start, runs the loop, and restores the terminal on the
/// way out. Failures before the terminal is taken are printed like the command line's.
enum Interface {
    /// What is prepared once the first screen is up, quietly, as every novedad command does
    /// before it runs: the automatic purge at start (docs/diseno.md "Non-negotiables") and
    /// editor files a crash left in tmp/. The catalogue is prepared before the first screen.
    static let preparedOnceUp: [CommandPreparation] = [.purge, .scratchCleanup]

    static func run(_ options: GlobalOptions, environment: [String: String], console: Console) -> Int32 {
        guard Terminal.canAddressCursor else {
            console.err(HelpText.terminalCannotDraw(term: environment["TERM"]))
            return 1
        }
        let directory = DataDirectory.resolve(option: options.dataDirectory, environment: environment)
        let store: Store
        do {
            store = try Store(directory: directory)
        } catch {
            console.err(FailureText.describe(error))
            return 1
        }
        // The catalogue, as for a command (the sample imported into an empty store); its
        // notices open the status line.
        var notices: [String] = []
        do {
            try CommandPreparation.catalogue.run(on: store, environment: environment) { notices.append($0) }
        } catch {
            notices.append(CommandPreparation.unreadableSample + FailureText.describe(error))
        }
        let info: CatalogueInfo?
        let isEmpty: Bool
        do {
            info = try store.catalogue.info()
            isEmpty = try store.catalogue.isEmpty()
        } catch {
            console.err("No se pudo leer el catálogo: " + FailureText.describe(error))
            return 1
        }

        // The first rows and their count come from this thread's connection; the search worker,
        // with its own, starts once the first screen is up. The synonyms file is read at the first search.
        let feed = ThreadedRouteFeed(firstSource: StoreRouteSource(store: store, synonyms: SynonymTable.bundled(environment: environment))) {
            StoreRouteSource(store: try Store(directory: directory), synonyms: SynonymTable.bundled(environment: environment))
        }
        // The reference lists are read when first needed; the catalogue was just read, so they are there.
        let desk = NovedadDesk(source: StoreNovedadSource(store), references: (try? store.catalogue.references()) ?? ReferenceLists(),
                               environment: environment,
                               scratchFolder: URL(fileURLWithPath: directory.path + "/tmp", isDirectory: true))
        let catalogue = CatalogueScreen(feed: feed, catalogue: store.catalogue, references: desk.references, catalogueIsEmpty: isEmpty,
                                        desk: desk)
        let terminal: Terminal
        do {
            terminal = try Terminal.start(colors: options.colorMode(environment: environment))
        } catch {
            console.err(error.message)
            return 1
        }
        if let notice = TerminalLocale.notice { notices.insert(notice, at: 0) }
        let isSample = info?.isSample ?? false
        let about = {
            AboutInfo(version: HelpText.version, catalogue: info, routeCount: (try? store.catalogue.routeCount()) ?? 0,
                      dataPath: directory.path,
                      server: (try? ProfileStore(database: store.database).load())?.server)
        }
        let app = App(root: catalogue,
                      header: HeaderInfo.read(from: store, isSample: isSample),
                      about: about(),
                      status: notices.isEmpty ? nil : notices.joined(separator: " "),
                      accessible: options.isAccessible(environment: environment,
                                                       profile: (try? ProfileStore(database: store.database).load().accessible) ?? false))
        app.headerSource = { HeaderInfo.read(from: store, isSample: isSample) }
        desk.applyAccessible = { [unowned app] in app.accessible = $0 }
        let probe = LatencyProbe(environment: environment)
        InterfaceLoop.run(app, on: terminal, probe: probe) {
            // What the first screen does not need waits until it is up: the search worker,
            // background sync, and `preparedOnceUp`.
            feed.start()
            let sync = BackgroundSync(directory: directory)
            app.sync = sync
            desk.syncLine = { sync.status.running ? sync.status.line : nil }
            for step in preparedOnceUp {
                try? step.run(on: store, environment: environment) { _ in }
            }
        }
        app.sync?.stop()
        terminal.stop()
        probe?.write()
        return 0
    }
}
