import Foundation
import TerritorioModel
@testable import TerritorioTUI

/// The data and fakes the interface's tests share: a small catalogue in an in-memory store,
/// generated lists of any length, and a scripted terminal.
enum InterfaceFixtures {
    /// A catalogue written for these tests (not the shipped sample, which changes): long titles,
    /// wide and combining characters, a main line, an unconfirmed channel, an address.
    static let catalogueJSON = #"""
    {
      "formato": "territorio-catalogo/1",
      "version": "pruebas-tui",
      "fecha": "2026-11-01",
      "muestra": true,
      "referencias": {
        "localidades": [
          {"id": "santa-fe", "numero": 3, "nombre": "Santa Fe"},
          {"id": "kennedy", "numero": 8, "nombre": "Kennedy"},
          {"id": "ciudad-bolivar", "numero": 19, "nombre": "Ciudad Bolívar"}
        ],
        "entidades": [
          {"id": "sdmujer", "sigla": "SDMujer", "nombre": "Secretaría Distrital de la Mujer"},
          {"id": "idipron", "sigla": "IDIPRON", "nombre": "Instituto Distrital para la Protección de la Niñez y la Juventud"},
          {"id": "uariv", "sigla": "UARIV", "nombre": "Unidad para las Víctimas"}
        ],
        "temas": [
          {"id": "violencias-mujeres", "nombre": "Violencias contra las mujeres"},
          {"id": "habitabilidad-calle", "nombre": "Habitabilidad en calle"},
          {"id": "victimas", "nombre": "Víctimas del conflicto armado"}
        ],
        "tipos": [],
        "urgencias": [],
        "poblaciones": [{"id": "mujeres", "nombre": "Mujeres"}]
      },
      "rutas": [
        {
          "id": "violencia-mujer-peligro",
          "titulo": "Violencia contra una mujer: peligro inmediato",
          "resumen": "Qué hacer si una mujer está en peligro ahora: llamar, acompañar y orientar.",
          "temas": ["violencias-mujeres"],
          "entidades": ["sdmujer"],
          "poblacion": "Mujeres de 18 años o más.",
          "poblaciones": ["mujeres"],
          "localidades": "todas",
          "pasos": [
            {"titulo": "Llame al 123.", "detalle": "Si el agresor está cerca, no lo enfrente."},
            {"titulo": "Quédese con ella hasta que llegue la Policía o una patrulla de la Secretaría."},
            {"titulo": "Oriente hacia la Línea Púrpura para el seguimiento."}
          ],
          "canales": [
            {"tipo": "telefono", "nombre": "Línea de Emergencias", "valor": "123", "horario": "24 horas", "corte": "2025-01-05", "por_confirmar": false, "principal": true},
            {"tipo": "telefono", "nombre": "Línea Púrpura Distrital", "valor": "01 8000 112 137", "corte": "2026-02-14", "por_confirmar": true},
            {"tipo": "presencial", "nombre": "Casa de Igualdad de Oportunidades", "valor": "Carrera 7 # 32-16, Bogotá", "horario": "lunes a viernes, 7 a. m. a 4 p. m.", "corte": "2026-11-20", "por_confirmar": true}
          ],
          "requisitos": ["Ninguno: la atención es inmediata."],
          "base_legal": ["Ley 1257 de 2008", "Acuerdo 421 de 2009"],
          "fuente": "Ficha de hechos [S8]",
          "actualizada": "2026-11-01"
        },
        {
          "id": "victima-conflicto",
          "titulo": "Víctima del conflicto armado: declarar ante el Ministerio Público",
          "resumen": "Para que una víctima del conflicto sea incluida en el Registro Único de Víctimas.",
          "temas": ["victimas"],
          "entidades": ["uariv"],
          "poblacion": "Víctimas que aún no han declarado.",
          "poblaciones": [],
          "localidades": ["santa-fe", "kennedy"],
          "pasos": [{"titulo": "Oriente a declarar en la Personería."}],
          "canales": [
            {"tipo": "telefono", "nombre": "Unidad para las Víctimas", "valor": "01 8000 911 119", "corte": "2026-11-20", "por_confirmar": false}
          ],
          "requisitos": [],
          "base_legal": ["Ley 1448 de 2011"],
          "fuente": "Ficha de hechos [S56]",
          "actualizada": "2026-11-01"
        },
        {
          "id": "titulo-largo-caracteres",
          "titulo": "Ruta con un título muy largo para probar el recorte: 作者 y 日本語 ocupan dos columnas, jo\u0301venes lleva una tilde combinada y 🐕 es un emoji; el título sigue y sigue hasta pasar de largo cualquier pantalla",
          "resumen": "Resumen con caracteres anchos 作者作者作者 y combinados: Jo\u0301venes, nin\u0303os, pingu\u0308ino.",
          "temas": ["habitabilidad-calle"],
          "entidades": ["idipron"],
          "poblacion": "Niñas, niños y jóvenes de 6 a 28 años.",
          "poblaciones": [],
          "localidades": ["ciudad-bolivar"],
          "pasos": [
            {"titulo": "Paso con texto ancho: 作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者作者", "detalle": "Detalle con emoji 🐕🐕 y una palabra larguísimaquenocabeenningunalineaynisiquieraenlamitaddeunapantalladeochenta."}
          ],
          "canales": [
            {"tipo": "web", "nombre": "Formulario en línea", "valor": "https://www.idipron.gov.co/un-enlace-muy-largo-que-no-cabe-en-una-linea-de-la-pantalla-angosta", "corte": "2026-11-20", "por_confirmar": true}
          ],
          "requisitos": [],
          "base_legal": [],
          "fuente": "Pruebas",
          "actualizada": "2026-11-01"
        }
      ]
    }
    """#

    static func catalogue() throws -> Catalogue {
        try CatalogueReader.read(bytes: Array(catalogueJSON.utf8))
    }

    /// An in-memory store holding `catalogue()`.
    static func store() throws -> Store {
        let store = try Store()
        try store.catalogue.replace(with: try catalogue())
        return store
    }

    static let about = AboutInfo(version: "0.1.0", catalogue: CatalogueInfo(version: "pruebas-tui", date: "2026-11-01", isSample: true),
                                 routeCount: 3, dataPath: "/datos/de/prueba")

    /// The interface on `store`, answered synchronously so tests need no threads.
    static func app(store: Store, accessible: Bool = false) throws -> App {
        let references = try store.catalogue.references()
        let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: StoreRouteSource(store: store, synonyms: .empty)),
                                     catalogue: store.catalogue, references: references,
                                     catalogueIsEmpty: try store.catalogue.isEmpty())
        return App(root: screen, header: HeaderInfo(isSample: true), about: about, accessible: accessible)
    }

    /// The interface on a generated list.
    static func app(source: SyntheticRouteSource, size: Int) -> App {
        let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: source), catalogue: source,
                                     references: ReferenceLists(), catalogueIsEmpty: size == 0)
        return App(root: screen, header: HeaderInfo(), about: about)
    }

    /// The frame `app` draws at `size`, after taking its answers.
    static func frame(_ app: App, _ size: Size) -> CellGrid {
        let grid = CellGrid(size: size)
        _ = app.update()
        _ = app.draw(on: grid)
        // The first frame tells the screen its height; a second one shows what it then asked for.
        if app.update() { _ = app.draw(on: grid) }
        return grid
    }

    /// Sends `keys` to `app` at `size`, taking answers after each, as the loop does.
    static func press(_ keys: [Key], on app: App, size: Size) {
        for key in keys {
            _ = frame(app, size)
            _ = app.handle(key, size: size)
        }
    }

    static func typing(_ text: String) -> [Key] {
        text.map { Key.character($0) }
    }
}

/// A list of `count` generated routes, of which the rows asked for are made on demand: a
/// 100 000-route catalogue without 100 000 routes in memory. Text searches match `searchCount` rows.
final class SyntheticRouteSource: RouteSource, RouteCatalogue {
    let count: Int
    let searchCount: Int
    private let row: (Int) -> RouteSummary
    /// Every request answered, to check only windows are asked for.
    private(set) var requests: [RouteRequest] = []

    init(count: Int, searchCount: Int = 0, row: @escaping (Int) -> RouteSummary = SyntheticRouteSource.numbered) {
        self.count = count
        self.searchCount = searchCount
        self.row = row
    }

    static func numbered(_ index: Int) -> RouteSummary {
        RouteSummary(id: "ruta-\(index + 1)", title: "Ruta generada número \(index + 1)",
                     summary: "Resumen de la ruta \(index + 1), para probar listas largas.")
    }

    func page(for request: RouteRequest) throws -> RoutePage {
        requests.append(request)
        let available = request.query.hasText ? searchCount : count
        let rows = request.offset < available ? (request.offset..<min(available, request.offset + request.limit)).map(row) : []
        return RoutePage(rows: rows.map(RouteRow.init), total: request.query.hasText ? .exact(searchCount) : nil)
    }

    func total(for query: RouteQuery, isCancelled: () -> Bool) throws -> RouteTotal? {
        .exact(query.hasText ? searchCount : count)
    }

    func routeForReading(id: String) throws -> Ruta? {
        nil
    }
}

/// A terminal driven by a script, drawing into a `CellGrid`: keys come one per wait (as typed),
/// except a paste, whose keys are all already there; `.capture` keeps the current screen.
final class HeadlessTerminal: TerminalDevice {
    enum Step {
        case keys([Key])
        case paste(String)
        case resize(Size)
        case capture
    }

    private(set) var size: Size
    private var script: [Step]
    private var pasted: [Key] = []
    private var lastFrame: CellGrid
    private(set) var captures: [String] = []

    init(size: Size, script: [Step]) {
        self.size = size
        self.script = script
        lastFrame = CellGrid(size: size)
    }

    func readKey(timeoutMilliseconds: Int) -> KeyRead {
        if !pasted.isEmpty { return .key(pasted.removeFirst()) }
        guard timeoutMilliseconds > 0 else { return .timeout }
        while !script.isEmpty {
            switch script.removeFirst() {
            case .keys(let keys):
                guard let first = keys.first else { continue }
                if keys.count > 1 { script.insert(.keys(Array(keys.dropFirst())), at: 0) }
                return .key(first)
            case .paste(let text):
                pasted = text.map { Key.character($0) }
                return readKey(timeoutMilliseconds: timeoutMilliseconds)
            case .resize(let newSize):
                size = newSize
                return .key(.resize)
            case .capture:
                captures.append(lastFrame.text)
            }
        }
        return .closed
    }

    /// Runs the program without a terminal (its output goes to the test's), as the real one would.
    func run(_ program: ExternalProgram) -> Int32? {
        program.runAttached()
    }

    func present(repaintAll: Bool, _ draw: (any Canvas) -> Point?) {
        let grid = CellGrid(size: size)
        _ = draw(grid)
        lastFrame = grid
    }
}
