import Foundation
import Testing
@testable import TerritorioModel

// Helpers shared by the model's suites: file permissions and writes, the fixture files, table dumps
// for byte-for-byte comparisons, and in-code edits of the fixture to build broken catalogues.
// Temporary folders come from TerritorioTestSupport.

/// The permission bits of the file or folder at `path` (e.g. `0o600`).
func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
}

func writeFile(_ text: String, to path: String) throws {
    try writeFile(Array(text.utf8), to: path)
}

func writeFile(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// A sparse file of `bytes` bytes: it takes no disk space and is never read by a test.
func createSparseFile(at path: String, bytes: UInt64) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
    defer { try? handle.close() }
    try handle.truncate(atOffset: bytes)
}

// MARK: - Fixture files

enum Fixtures {
    private static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/catalogo-pequeno.json`: 3 routes, 6 localidades.
    static let smallCataloguePath = testsFolder.appendingPathComponent("Fixtures/catalogo-pequeno.json").path
    /// `Resources/catalogo-muestra.json`: the sample bundled with the program.
    static let sampleCataloguePath = testsFolder.deletingLastPathComponent()
        .appendingPathComponent("Resources/catalogo-muestra.json").path

    static func smallCatalogue() throws -> Catalogue {
        try CatalogueReader.read(path: smallCataloguePath)
    }

    static func smallCatalogueText() throws -> String {
        try String(contentsOfFile: smallCataloguePath, encoding: .utf8)
    }

    static func smallCatalogueDocument() throws -> JSONValue {
        try JSONParser.parse(try smallCatalogueText())
    }

    /// A store of its own in memory holding the small catalogue.
    static func storeWithSmallCatalogue() throws -> Store {
        let store = try Store()
        try store.catalogue.replace(with: try smallCatalogue())
        return store
    }
}

// MARK: - Dumps

/// Every catalogue table of `database` as text, rows in a fixed order: equal dumps mean equal
/// catalogue contents, byte for byte. Without `generation`, the import's random generation key
/// is left out, to compare the contents of two different imports.
func catalogueDump(_ database: Database, generation: Bool = true) throws -> String {
    try dump(database, queries: [
        "SELECT * FROM catalogo_meta \(generation ? "" : "WHERE clave <> 'generacion' ")ORDER BY clave",
        "SELECT * FROM referencias ORDER BY lista, id",
        "SELECT * FROM rutas ORDER BY numero",
        "SELECT * FROM ruta_referencias ORDER BY ruta, lista, valor",
        "SELECT rowid, titulo, cuerpo FROM rutas_busqueda ORDER BY rowid",
    ])
}

/// The whole database as text: its schema, then every table's rows (sorted).
func fullDump(_ database: Database) throws -> String {
    let tables: [String] = try database.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { try $0.get(0) }
    var text = try dump(database, queries: ["SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"])
    for table in tables {
        let rows = try database.query("SELECT * FROM \"\(table)\"").map(render).sorted()
        text += "== \(table)\n" + rows.joined(separator: "\n") + "\n"
    }
    return text
}

private func dump(_ database: Database, queries: [String]) throws -> String {
    try queries.map { sql in
        "== \(sql)\n" + (try database.query(sql).map(render)).joined(separator: "\n") + "\n"
    }.joined()
}

private func render(_ row: Row) -> String {
    zip(row.columnNames, row.values).map { "\($0)=\(String(reflecting: $1))" }.joined(separator: " | ")
}

// MARK: - Editing JSON documents

extension JSONValue {
    /// A copy with the value at `path` (`rutas[0].pasos[1].titulo`, the notation of
    /// `CatalogueError.invalid`) replaced by `newValue`, added when missing, removed when nil.
    func replacing(_ path: String, with newValue: JSONValue?) -> JSONValue {
        replacing(Self.steps(of: path)[...], with: newValue) ?? .null
    }

    private enum Step { case key(String), index(Int) }

    private static func steps(of path: String) -> [Step] {
        path.split(separator: ".").flatMap { part -> [Step] in
            let pieces = part.split(separator: "[")
            let key = part.hasPrefix("[") ? [] : [Step.key(String(pieces[0]))]
            let indices = pieces.dropFirst(part.hasPrefix("[") ? 0 : 1).map { Step.index(Int($0.dropLast())!) }
            return key + indices
        }
    }

    private func replacing(_ steps: ArraySlice<Step>, with newValue: JSONValue?) -> JSONValue? {
        guard let step = steps.first else { return newValue }
        switch (self, step) {
        case (.object(var members), .key(let key)):
            if let position = members.firstIndex(where: { $0.key == key }) {
                if let value = members[position].value.replacing(steps.dropFirst(), with: newValue) {
                    members[position].value = value
                } else {
                    members.remove(at: position)
                }
            } else if let newValue, steps.count == 1 {
                members.append((key, newValue))
            }
            return .object(members)
        case (.array(var elements), .index(let index)):
            if index < elements.count {
                if let value = elements[index].replacing(steps.dropFirst(), with: newValue) {
                    elements[index] = value
                } else {
                    elements.remove(at: index)
                }
            } else if let newValue, steps.count == 1 {
                elements.append(newValue)
            }
            return .array(elements)
        default:
            return self
        }
    }

    /// A copy with `edits` applied in order.
    func replacing(_ edits: [(path: String, value: JSONValue?)]) -> JSONValue {
        edits.reduce(self) { $0.replacing($1.path, with: $1.value) }
    }

    var bytes: [UInt8] { Array(JSONWriter.string(self).utf8) }
}

// MARK: - Broken catalogues

/// The fixture no longer has the text a broken variant edits.
struct FixtureChanged: Error {
    let missing: String
}

/// One way a catalogue file can be wrong, built from the small fixture, and the error the
/// reader must give for it.
struct BrokenCatalogue: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable, Equatable {
        /// Not JSON: `.syntax` on this line.
        case syntax(line: Int)
        /// Not the format: `.invalid` at this place.
        case invalid(place: String)
    }

    let name: String
    let expected: Expected
    /// The file's bytes, made from the fixture's text.
    let make: @Sendable (String) throws -> [UInt8]

    var testDescription: String { name }

    /// The fixture's text with one exact piece replaced.
    static func text(_ name: String, _ expected: Expected, replacing old: String, with new: String) -> Self {
        BrokenCatalogue(name: name, expected: expected) { text in
            guard text.contains(old) else { throw FixtureChanged(missing: old) }
            return Array(text.replacingOccurrences(of: old, with: new).utf8)
        }
    }

    /// The fixture with one value of its document replaced (nil removes it).
    static func edit(_ name: String, _ path: String, _ value: JSONValue?, at place: String? = nil) -> Self {
        BrokenCatalogue(name: name, expected: .invalid(place: place ?? path)) { text in
            try JSONParser.parse(text).replacing(path, with: value).bytes
        }
    }

    static let all: [BrokenCatalogue] = [
        text("JSON roto (falta una coma)", .syntax(line: 4), replacing: "\"prueba-1\",", with: "\"prueba-1\""),
        text("JSON con coma final", .syntax(line: 68), replacing: "\"idipron\"],", with: "\"idipron\",],"),
        text("JSON con campo repetido", .syntax(line: 3), replacing: "\"version\": \"prueba-1\",",
             with: "\"version\": \"prueba-1\", \"version\": \"otra\","),
        text("JSON con texto al final", .syntax(line: 101), replacing: "  ]\n}", with: "  ]\n}\n}"),
        text("texto sin cerrar", .syntax(line: 2), replacing: "\"territorio-catalogo/1\",", with: "\"territorio-catalogo/1,"),
        edit("raíz que no es objeto", "", .array([]), at: ""),
        edit("formato equivocado", "formato", .string("territorio-catalogo/3")),
        edit("sin formato", "formato", nil),
        edit("falta el título", "rutas[0].titulo", nil),
        edit("falta la lista de temas", "referencias.temas", nil),
        edit("falta el id de una localidad", "referencias.localidades[2].id", nil),
        edit("título que no es texto", "rutas[1].titulo", .integer(7)),
        edit("pasos que no son lista", "rutas[1].pasos", .string("Contacte a IDIPRON.")),
        edit("número de localidad como texto", "referencias.localidades[0].numero", .string("1")),
        edit("muestra que no es booleano", "muestra", .string("no")),
        edit("campo desconocido en una ruta", "rutas[0].titluo", .string("Violencia")),
        edit("campo desconocido en la raíz", "versión", .string("1")),
        edit("campo desconocido en un canal", "rutas[2].canales[0].telefono", .string("106")),
        edit("id de ruta repetido", "rutas[2].id", .string("violencia-mujer-peligro")),
        edit("id de tema repetido", "referencias.temas[1].id", .string("violencias-mujeres")),
        edit("número de localidad repetido", "referencias.localidades[1].numero", .integer(1)),
        edit("nombre de entidad repetido sin tildes", "referencias.entidades[3].nombre",
             .string("secretaria distrital de integracion social")),
        edit("tema de ruta desconocido", "rutas[0].temas[0]", .string("no-existe")),
        edit("entidad de ruta desconocida", "rutas[2].entidades[0]", .string("nadie")),
        edit("localidad de ruta desconocida", "rutas[1].localidades[1]", .string("bosa")),
        edit("población de ruta desconocida", "rutas[0].poblaciones[0]", .string("ninos")),
        edit("entidad de un tipo desconocida", "referencias.tipos[0].entidad", .string("sdm")),
        edit("tema de un tipo desconocido", "referencias.tipos[1].tema", .string("calle")),
        edit("título demasiado largo", "rutas[0].titulo", .string(String(repeating: "á", count: 201))),
        edit("versión demasiado larga", "version", .string(String(repeating: "9", count: 41))),
        edit("título vacío", "rutas[0].titulo", .string("")),
        edit("título de solo espacios", "rutas[2].titulo", .string("   ")),
        edit("fecha imposible", "rutas[0].actualizada", .string("2026-02-30")),
        edit("fecha de corte mal escrita", "rutas[0].canales[1].corte", .string("14/02/2026")),
        edit("fecha del catálogo imposible", "fecha", .string("2026-13-01")),
        edit("carácter de control en el título", "rutas[1].titulo", .string("Niños\u{7}y jóvenes")),
        edit("salto de línea en el título", "rutas[1].titulo", .string("Niños y\njóvenes")),
        edit("carácter de control en el resumen", "rutas[1].resumen", .string("Jóvenes\u{1B}[31m")),
        edit("dos canales principales", "rutas[0].canales[1].principal", .bool(true), at: "rutas[0].canales"),
        edit("tipo de canal desconocido", "rutas[2].canales[0].tipo", .string("fax")),
        edit("canal sin fecha de corte", "rutas[2].canales[0].corte", nil),
        edit("localidades que no son «todas»", "rutas[0].localidades", .string("algunas")),
        edit("ruta sin pasos", "rutas[2].pasos", .array([])),
        edit("id con mayúsculas", "rutas[2].id", .string("Riesgo-Suicida")),
    ]
}
