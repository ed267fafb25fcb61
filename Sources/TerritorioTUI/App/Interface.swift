import Foundation
import TerritorioModel

/// Starts the interface (`territorio` with no command, stdout a terminal): opens the store,
/// imports the sample catalogue on first start, runs the loop, and restores the terminal on the
/// way out. Failures before the terminal is taken are printed like the command line's.
enum Interface {
    static func run(_ options: InterfaceOptions, environment: [String: String], console: Console) -> Int32 {
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
        var notices: [String] = []
        do {
            let outcome = try CatalogueBootstrap.prepare(store, sampleCatalogue: ResourceLocator.sampleCatalogue(environment: environment))
            if let notice = CatalogueBootstrap.notice(for: outcome) { notices.append(notice) }
        } catch {
            notices.append("No se pudo cargar el catálogo de muestra: " + FailureText.describe(error))
        }
        let info: CatalogueInfo?
        let references: ReferenceLists
        let routeCount: Int
        do {
            info = try store.catalogue.info()
            references = try store.catalogue.references()
            routeCount = try store.catalogue.routeCount()
        } catch {
            console.err("No se pudo leer el catálogo: " + FailureText.describe(error))
            return 1
        }

        let synonyms = SynonymTable.bundled(environment: environment)
        let feed = ThreadedRouteFeed { StoreRouteSource(store: try Store(directory: directory), synonyms: synonyms) }
        let desk = NovedadDesk(source: StoreNovedadSource(store), references: references, environment: environment,
                               scratchFolder: URL(fileURLWithPath: directory.path).appendingPathComponent("tmp"))
        let catalogue = CatalogueScreen(feed: feed, catalogue: store.catalogue, references: references, catalogueSize: routeCount,
                                        desk: desk)
        let terminal: Terminal
        do {
            terminal = try Terminal.start(colors: options.colorMode(environment: environment))
        } catch {
            console.err(error.message)
            return 1
        }
        if let notice = TerminalLocale.notice { notices.insert(notice, at: 0) }
        // The automatic purge at start (docs/diseno.md "Non-negotiables"): photos and contact data of
        // novedades sent more than 30 days ago, and attachment files nothing references.
        _ = try? store.novedades().purge(olderThanDays: RetentionPolicy.defaultDays)
        let isSample = info?.isSample ?? false
        let about = {
            AboutInfo(version: HelpText.version, catalogue: info, routeCount: routeCount, dataPath: directory.path,
                      server: (try? ProfileStore(database: store.database).load())?.server)
        }
        let app = App(root: catalogue,
                      header: HeaderInfo.read(from: store, isSample: isSample),
                      about: about(),
                      status: notices.isEmpty ? nil : notices.joined(separator: " "),
                      accessible: options.isAccessible(environment: environment,
                                                       profile: (try? ProfileStore(database: store.database).load().accessible) ?? false))
        app.headerSource = { HeaderInfo.read(from: store, isSample: isSample) }
        app.aboutSource = about
        let sync = BackgroundSync(directory: directory)
        app.sync = sync
        desk.syncLine = { sync.status.running ? sync.status.line : nil }
        defer { sync.stop() }
        let probe = LatencyProbe(environment: environment)
        InterfaceLoop.run(app, on: terminal, probe: probe)
        terminal.stop()
        probe?.write()
        return 0
    }
}
