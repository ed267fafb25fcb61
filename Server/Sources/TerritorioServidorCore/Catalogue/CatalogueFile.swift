import Foundation
import TerritorioWire

/// A catalogue file (docs/formato-catalogo.md) checked enough to publish: the envelope and each
/// route's id. The content of routes is the client's to validate on import, as it does for any
/// file; the server's job is to version it and compute deltas, so it keeps each route as canonical
/// JSON text whose equality means "unchanged".
public struct CatalogueFile: Sendable {
    /// `/1`, and `/2`, which adds the list of `fuentes` that routes and channels cite.
    public static let formats = ["territorio-catalogo/1", "territorio-catalogo/2"]
    public static let maximumBytes = 64 * 1024 * 1024
    static let topLevelFields: Set<String> = ["formato", "version", "fecha", "muestra", "aviso", "referencias", "rutas"]

    public let version: String
    public let date: String
    public let isSample: Bool
    public let notice: String?
    /// Canonical JSON text of the `referencias` object.
    public let references: String
    /// Canonical JSON text of the `fuentes` list; nil for a `/1` file.
    public let sources: String?
    /// Route ids and canonical JSON texts, in file order.
    public let routes: [(id: String, document: String)]

    public init(bytes: [UInt8]) throws {
        guard bytes.count <= Self.maximumBytes else {
            throw ServerFailure("El archivo pasa de 64 MiB; no es un catálogo.")
        }
        let members: JSONValue
        do {
            members = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            throw ServerFailure("El archivo no es un objeto JSON válido en UTF-8 (\(TerminalText.visible(error.description))).")
        }
        guard let fieldNames = members.objectValue?.map(\.key) else {
            throw ServerFailure("El archivo no es un objeto JSON válido en UTF-8.")
        }
        guard let format = members["formato"]?.stringValue, Self.formats.contains(format) else {
            throw ServerFailure("formato: debe ser «\(Self.formats.joined(separator: "» o «"))».")
        }
        let hasSources = format != Self.formats[0]
        let fields = hasSources ? Self.topLevelFields.union(["fuentes"]) : Self.topLevelFields
        if let unknown = fieldNames.sorted().first(where: { !fields.contains($0) }) {
            throw ServerFailure("«\(unknown)»: campo desconocido en un catálogo \(format).")
        }
        if hasSources, members["fuentes"]?.arrayValue == nil {
            throw ServerFailure("fuentes: falta o no es una lista.")
        }
        guard let version = members["version"]?.stringValue, (1...40).contains(version.count) else {
            throw ServerFailure("version: falta o no es un texto de 1 a 40 caracteres.")
        }
        guard let date = members["fecha"]?.stringValue, Self.isDate(date) else {
            throw ServerFailure("fecha: falta o no es una fecha AAAA-MM-DD.")
        }
        guard let isSample = members["muestra"]?.boolValue else {
            throw ServerFailure("muestra: falta o no es true/false.")
        }
        if let notice = members["aviso"], notice.stringValue == nil {
            throw ServerFailure("aviso: debe ser un texto.")
        }
        guard let references = members["referencias"], references.objectValue != nil else {
            throw ServerFailure("referencias: falta o no es un objeto.")
        }
        guard let elements = members["rutas"]?.arrayValue else {
            throw ServerFailure("rutas: falta o no es una lista.")
        }
        var seen = Set<String>()
        var routes: [(id: String, document: String)] = []
        for (index, element) in elements.enumerated() {
            guard let id = element["id"]?.stringValue, Self.isSlug(id) else {
                throw ServerFailure("rutas[\(index)].id: cada ruta debe ser un objeto con un id de 2 a 64 caracteres [a-z0-9-].")
            }
            guard seen.insert(id).inserted else {
                throw ServerFailure("rutas[\(index)].id: «\(id)» está repetido.")
            }
            routes.append((id, JSONWriter.canonical(element)))
        }
        self.version = version
        self.date = date
        self.isSample = isSample
        self.notice = members["aviso"]?.stringValue
        self.references = JSONWriter.canonical(references)
        self.sources = hasSources ? members["fuentes"].map(JSONWriter.canonical) : nil
        self.routes = routes
    }

    private static func isSlug(_ text: String) -> Bool {
        (2...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    private static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
