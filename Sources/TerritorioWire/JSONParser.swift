/// A strict JSON parser (RFC 8259) that reports where a document is broken by line and column,
/// refuses repeated keys, and limits nesting so a hostile file cannot exhaust the stack. The
/// client reads catalogues and server answers with it, the server novedades and catalogue files.
public struct JSONParser {
    /// Why a document is not JSON, and where.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let reason: String
        public var description: String { "línea \(line), columna \(column): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private let maximumDepth: Int

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON value that must fill `bytes` (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = 64) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("hay texto después del final del documento") }
        return value
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw error("el documento termina antes de tiempo") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("se esperaba un valor JSON y hay «\(describe(bytes[index]))»")
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        var members: [(key: String, value: JSONValue)] = []
        var keys = Set<String>()
        if !closes(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw error("se esperaba el nombre de un campo entre comillas") }
                let keyStart = index
                let key = try parseString()
                guard keys.insert(key).inserted else {
                    index = keyStart
                    throw error("el campo «\(key)» está repetido")
                }
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw error("se esperaban «:» después de «\(key)»") }
                index += 1
                skipWhitespace()
                members.append((key, try parseValue()))
                skipWhitespace()
            } while try continues(before: UInt8(ascii: "}"))
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if !closes(UInt8(ascii: "]")) {
            repeat {
                skipWhitespace()
                elements.append(try parseValue())
                skipWhitespace()
            } while try continues(before: UInt8(ascii: "]"))
        }
        depth -= 1
        return .array(elements)
    }

    /// Steps into an array or object: past its opening bracket and the whitespace after it.
    private mutating func enterContainer() throws {
        depth += 1
        guard depth <= maximumDepth else { throw error("demasiados niveles anidados (máximo \(maximumDepth))") }
        index += 1
        skipWhitespace()
    }

    /// Whether an empty container ends here; its closing bracket is then read.
    private mutating func closes(_ bracket: UInt8) -> Bool {
        guard peek(bracket) else { return false }
        index += 1
        return true
    }

    /// After an element: true when a comma says another follows, false at the container's closing
    /// bracket; either is read.
    private mutating func continues(before bracket: UInt8) throws -> Bool {
        if peek(UInt8(ascii: ",")) { index += 1; return true }
        if peek(bracket) { index += 1; return false }
        throw error("se esperaba «,» o «\(describe(bracket))»")
    }

    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("falta la comilla que cierra el texto") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw error("el texto no es UTF-8 válido")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &utf8)
            case 0..<0x20:
                throw error("carácter de control sin escapar dentro de un texto")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws {
        guard index < bytes.count else { throw error("escape incompleto") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): utf8.append(byte)
        case UInt8(ascii: "\\"): utf8.append(byte)
        case UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard bytes.count >= index + 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("falta la segunda mitad de un par sustituto \\u")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("par sustituto \\u inválido") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("par sustituto \\u inválido")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("escape \\u inválido") }
            utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            index -= 1
            throw error("escape desconocido «\\\(describe(byte))»")
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard bytes.count >= index + 4 else { throw error("escape \\u incompleto") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("escape \\u con un dígito no hexadecimal")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("número mal formado") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("número mal formado") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("número mal formado") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("número fuera de rango")
        }
        return .double(value)
    }

    // MARK: - Helpers

    private mutating func expectLiteral(_ literal: String) throws {
        let expected = Array(literal.utf8)
        guard bytes.count >= index + expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("se esperaba «\(literal)»")
        }
        index += expected.count
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x" + String(byte, radix: 16)
    }

    /// An error at the current position, counting lines and columns in characters.
    private func error(_ reason: String) -> SyntaxError {
        var line = 1
        var lineStart = 0
        let end = min(index, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return SyntaxError(line: line, column: column, reason: reason)
    }
}
