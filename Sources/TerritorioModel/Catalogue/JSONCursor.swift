import Foundation

/// A position in a JSON document being validated: reads typed fields and throws
/// `CatalogueError.invalid` naming the exact place (`rutas[3].pasos[1].titulo`) of any problem.
struct JSONCursor {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    func fail(_ problem: String) -> CatalogueError {
        .invalid(place: path, problem: problem)
    }

    // MARK: - Objects

    /// This value as an object whose keys are all in `required` or `optional`.
    func object(required: [String], optional: [String] = []) throws -> JSONCursor {
        guard case .object(let members) = value else { throw fail("se esperaba un objeto {…}, hay \(kindName)") }
        let allowed = Set(required + optional)
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw child(unknown.key).fail("campo desconocido (¿un error de escritura?); los campos válidos son \(allowed.sorted().joined(separator: ", "))")
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            throw child(key).fail("falta este campo obligatorio")
        }
        return self
    }

    func child(_ key: String) -> JSONCursor {
        JSONCursor(value[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func has(_ key: String) -> Bool { value[key] != nil }

    /// The element at `index` of this array, for naming a place in a message.
    func element(_ index: Int) -> JSONCursor {
        guard case .array(let elements) = value, elements.indices.contains(index) else {
            return JSONCursor(.null, path: "\(path)[\(index)]")
        }
        return JSONCursor(elements[index], path: "\(path)[\(index)]")
    }

    // MARK: - Scalars

    /// A text of `lengths` characters once trimmed, without control characters (newlines only
    /// when `multiline`).
    func string(_ lengths: ClosedRange<Int>, multiline: Bool = false) throws -> String {
        guard case .string(let raw) = value else { throw fail("se esperaba un texto, hay \(kindName)") }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let bad = text.unicodeScalars.first(where: { isForbidden($0, multiline: multiline) }) {
            throw fail("contiene un carácter de control (U+\(String(format: "%04X", bad.value)))")
        }
        guard lengths.contains(text.count) else {
            if text.isEmpty { throw fail("no puede estar vacío") }
            throw fail("debe tener entre \(lengths.lowerBound) y \(lengths.upperBound) caracteres y tiene \(text.count)")
        }
        return text
    }

    func optionalString(_ key: String, _ lengths: ClosedRange<Int>, multiline: Bool = false) throws -> String? {
        guard has(key), value[key] != .null else { return nil }
        return try child(key).string(lengths, multiline: multiline)
    }

    /// A lowercase ASCII identifier: `[a-z0-9-]`, 2–64 characters.
    func slug() throws -> String {
        let text = try string(1...64)
        let valid = text.count >= 2 && text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
        }
        guard valid else { throw fail("«\(text)» no es un identificador válido (letras minúsculas sin tilde, dígitos y «-», de 2 a 64)") }
        return text
    }

    /// A calendar date `AAAA-MM-DD`.
    func date() throws -> String {
        let text = try string(10...10)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw fail("«\(text)» no es una fecha AAAA-MM-DD válida")
        }
        return text
    }

    /// A source's own date: `AAAA`, `AAAA-MM` or `AAAA-MM-DD`.
    func sourceDate() throws -> SourceDate {
        let text = try string(4...10)
        guard let date = SourceDate(text) else { throw fail("«\(text)» no es una fecha AAAA, AAAA-MM o AAAA-MM-DD válida") }
        return date
    }

    /// The ids in an optional `fuentes` list (none when absent), each cited once.
    func sourceIDs() throws -> [String] {
        guard has("fuentes") else { return [] }
        let ids = try child("fuentes").array(0...50).map { try $0.slug() }
        if let repeated = ids.enumerated().first(where: { ids.firstIndex(of: $0.element) != $0.offset }) {
            throw child("fuentes").element(repeated.offset).fail("la fuente «\(repeated.element)» está repetida")
        }
        return ids
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw fail("se esperaba true o false, hay \(kindName)") }
        return flag
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard has(key), value[key] != .null else { return nil }
        return try child(key).bool()
    }

    func integer(_ range: ClosedRange<Int>) throws -> Int {
        guard case .integer(let number) = value else { throw fail("se esperaba un número entero, hay \(kindName)") }
        guard let int = Int(exactly: number), range.contains(int) else {
            throw fail("debe estar entre \(range.lowerBound) y \(range.upperBound)")
        }
        return int
    }

    // MARK: - Arrays

    /// The elements of this array, which must have a count within `counts`.
    func array(_ counts: ClosedRange<Int>) throws -> [JSONCursor] {
        guard case .array(let elements) = value else { throw fail("se esperaba una lista […], hay \(kindName)") }
        guard counts.contains(elements.count) else {
            throw fail("debe tener entre \(counts.lowerBound) y \(counts.upperBound) elementos y tiene \(elements.count)")
        }
        return elements.enumerated().map { JSONCursor($1, path: "\(path)[\($0)]") }
    }

    /// A list of texts.
    func strings(_ counts: ClosedRange<Int>, each lengths: ClosedRange<Int>) throws -> [String] {
        try array(counts).map { try $0.string(lengths) }
    }

    // MARK: - Helpers

    private var kindName: String {
        switch value {
        case .null: "null (o nada)"
        case .bool: "un booleano"
        case .integer, .double: "un número"
        case .string: "un texto"
        case .array: "una lista"
        case .object: "un objeto"
        }
    }

    private func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline, scalar == "\n" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
