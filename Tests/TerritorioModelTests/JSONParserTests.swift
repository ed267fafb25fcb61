import Testing
@testable import TerritorioModel

@Suite struct JSONParserTests {
    /// The syntax error for `text`, which must not parse.
    private func failure(_ text: String) throws -> JSONParser.SyntaxError {
        try #require(#expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) })
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse("""
            {"nulo": null, "si": true, "no": false, "entero": -12, "real": 2.5,
             "texto": "Bogotá", "lista": [1, [], {}], "objeto": {"b": 1, "a": 2}}
            """)
        #expect(value == .object([
            ("nulo", .null), ("si", .bool(true)), ("no", .bool(false)), ("entero", .integer(-12)),
            ("real", .double(2.5)), ("texto", .string("Bogotá")),
            ("lista", .array([.integer(1), .array([]), .object([])])),
            ("objeto", .object([("b", .integer(1)), ("a", .integer(2))])),
        ]))
        #expect(value["objeto"]?["a"] == .integer(2))
        #expect(value["falta"] == nil)
    }

    @Test func keepsIntegersDoublesAndBoolsDistinct() throws {
        let value = try JSONParser.parse("[1, 1.0, 1e2, -0, 0, true, 9223372036854775807, 9223372036854775808]")
        #expect(value == .array([
            .integer(1), .double(1.0), .double(100), .integer(0), .integer(0), .bool(true),
            .integer(Int64.max), .double(9.223372036854775808e18),
        ]))
        #expect(JSONValue.integer(1) != .double(1))
        #expect(JSONValue.integer(1) != .bool(true))
        #expect(JSONValue.object([("a", .integer(1)), ("b", .integer(2))]) != .object([("b", .integer(2)), ("a", .integer(1))]))
    }

    @Test func topLevelScalarsAndWhitespace() throws {
        #expect(try JSONParser.parse(" \t\r\n 42 \n") == .integer(42))
        #expect(try JSONParser.parse("\"solo\"") == .string("solo"))
        #expect(try JSONParser.parse("null") == .null)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u00f1\u00D1\ud83e\udd99\u0000""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\tñÑ🦙\u{0}"))
    }

    @Test func refusesBrokenEscapes() throws {
        for text in [#""\ud83e""#, #""\ud83ex""#, #""\udd99""#, #""\ud83e\u0041""#, #""\x""#, #""\u12""#, #""\u12g4""#] {
            _ = try failure(text)
        }
    }

    @Test func acceptsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)) == .object([("a", .integer(1))]))
    }

    @Test func refusesInvalidUTF8() throws {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    // MARK: - Errors and where they are

    @Test func errorsCarryLineAndColumn() throws {
        let error = try failure("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(error.line == 3)
        #expect(error.column == 8)
        #expect(error.description.hasPrefix("línea 3, columna 8: "))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try failure("{\"ñandú\": x}")
        #expect(error.line == 1)
        #expect(error.column == 11)
    }

    @Test func refusesTrailingCommas() throws {
        _ = try failure("[1, 2,]")
        let error = try failure("{\"a\": 1,\n}")
        #expect(error.line == 2)
    }

    @Test func refusesUnterminatedStrings() throws {
        let error = try failure("{\"a\": \"sin cerrar}")
        #expect(error.reason.contains("comilla"))
        _ = try failure("\"")
    }

    @Test func refusesControlCharactersInStrings() throws {
        _ = try failure("\"a\u{1}b\"")
        let error = try failure("[\"una\nlínea\"]")
        #expect(error.line == 1)
        #expect(error.column == 6)
    }

    @Test func refusesDuplicateKeys() throws {
        let error = try failure("{\"a\": 1, \"a\": 2}")
        #expect(error.column == 10)
        #expect(error.reason.contains("«a»"))
        #expect(try JSONParser.parse("[{\"a\": 1}, {\"a\": 2}]") == .array([.object([("a", .integer(1))]), .object([("a", .integer(2))])]))
    }

    @Test func limitsNestingWithoutCrashing() throws {
        let error = try failure(String(repeating: "[", count: 100_000))
        #expect(error.reason.contains("64"))
        _ = try failure(String(repeating: "{\"a\":", count: 100_000))
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(deepest) }
        _ = try failure("[" + deepest + "]")
    }

    @Test func refusesTrailingGarbage() throws {
        for text in ["{} x", "1 2", "[]]", "nullx", "01", "{\"a\": 1}}"] {
            _ = try failure(text)
        }
    }

    @Test func refusesMalformedValues() throws {
        for text in ["", "   ", "tru", "nul", "-", "1.", ".5", "+1", "1e", "1e400", "'a'", "[1 2]", "{\"a\" 1}", "{a: 1}", "{nope", "NaN"] {
            _ = try failure(text)
        }
    }
}
