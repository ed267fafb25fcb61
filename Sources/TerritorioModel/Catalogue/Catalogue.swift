/// A whole catalogue as a file carries it: its version, its reference lists and its routes.
public struct Catalogue: Equatable, Sendable {
    /// The format written; `formats` lists every one an import reads.
    public static let format = "territorio-catalogo/2"
    /// `/1` has no `fuentes`; `/2` adds the list of sources and the ids routes and channels cite.
    public static let formats = ["territorio-catalogo/1", "territorio-catalogo/2"]

    public var info: CatalogueInfo
    public var references: ReferenceLists
    /// Where the facts come from; empty for a `/1` file.
    public var sources: [Fuente]
    public var rutas: [Ruta]

    public init(info: CatalogueInfo, references: ReferenceLists, sources: [Fuente] = [], rutas: [Ruta]) {
        self.info = info
        self.references = references
        self.sources = sources
        self.rutas = rutas
    }

    /// The catalogue in its file format (`docs/formato-catalogo.md`), as an import reads it.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("formato", .string(Catalogue.format)),
            ("version", .string(info.version)),
            ("fecha", .string(info.date)),
            ("muestra", .bool(info.isSample)),
        ]
        if let notice = info.notice { members.append(("aviso", .string(notice))) }
        members.append(("referencias", references.json))
        members.append(("fuentes", .array(sources.map(\.json))))
        members.append(("rutas", .array(rutas.map(\.json))))
        return .object(members)
    }
}

/// What identifies the catalogue in use: shown in the header, in "acerca de", and sent with
/// every novedad.
public struct CatalogueInfo: Equatable, Sendable {
    public var version: String
    /// `AAAA-MM-DD`.
    public var date: String
    /// Sample data: the interface warns "DATOS DE MUESTRA — verificar antes de usar".
    public var isSample: Bool
    public var notice: String?

    public init(version: String, date: String, isSample: Bool, notice: String? = nil) {
        self.version = version
        self.date = date
        self.isSample = isSample
        self.notice = notice
    }

    /// The warning the interface shows while sample data is loaded.
    public static let sampleWarning = "DATOS DE MUESTRA — verificar antes de usar"
}
