import TerritorioWire

/// The answer to `GET /catalogo/cambios`: what changed from the client's version to the newest.
/// Routes and references are stored as canonical JSON text and written into the answer as they
/// are, so a delta of 200 000 routes is never decoded and re-encoded.
public struct CatalogueDelta: Sendable, Equatable {
    public struct Version: Sendable, Equatable {
        let version: String
        let date: String
        let isSample: Bool
        let notice: String?

        /// The file's top-level fields as the delta's `catalogo` carries them.
        var json: JSONValue {
            .object([("version", .string(version)), ("fecha", .string(date)), ("muestra", .bool(isSample))]
                    + (notice.map { [("aviso", JSONValue.string($0))] } ?? []))
        }
    }

    /// The newest published version's sequence number, `"0"` when none.
    let cursor: String
    /// True when `routes` is the whole catalogue and the client replaces its own.
    let isComplete: Bool
    let version: Version?
    let references: String?
    /// The newest version's `fuentes` list; nil when it was published from a `/1` file.
    let sources: String?
    let routes: [String]
    let deletedRouteIDs: [String]

    /// Nothing published: the client keeps its catalogue as it is.
    static let nothingPublished = CatalogueDelta(cursor: "0", isComplete: false, version: nil, references: nil, sources: nil,
                                                   routes: [], deletedRouteIDs: [])

    /// The envelope is written around the stored texts; everything else goes through the
    /// canonical writer.
    public var jsonText: String {
        var output = "{\"cursor\":" + JSONWriter.canonical(.string(cursor))
        output += ",\"completo\":" + JSONWriter.canonical(.bool(isComplete))
        output += ",\"catalogo\":" + JSONWriter.canonical(version?.json ?? .null)
        output += ",\"referencias\":" + (references ?? "null")
        output += ",\"fuentes\":" + (sources ?? "null")
        output += ",\"rutas\":[" + routes.joined(separator: ",") + "]"
        output += ",\"borradas\":" + JSONWriter.canonical(.strings(deletedRouteIDs))
        return output + "}"
    }
}
