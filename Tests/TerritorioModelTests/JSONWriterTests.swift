import Testing
@testable import TerritorioModel

@Suite struct JSONWriterTests {
    /// A value with every kind, nesting, and text that needs escaping.
    private let sample: JSONValue = .object([
        ("id", .string("riesgo-suicida")),
        ("titulo", .string("Riesgo \"suicida\" \\ inminente\n\tñ 🦙 \u{0}\u{1F}\u{7F}\u{2028}")),
        ("numeros", .array([.integer(0), .integer(Int64.min), .integer(Int64.max), .double(0.1), .double(-2.5),
                            .double(3.0), .double(1e20), .double(.leastNonzeroMagnitude)])),
        ("banderas", .array([.bool(true), .bool(false), .null])),
        ("vacios", .object([("lista", .array([])), ("objeto", .object([]))])),
        ("anidado", .array([.object([("z", .integer(1)), ("a", .array([.array([.string("")])]))])])),
    ])

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let text = JSONWriter.string(.string("a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{7F}i\u{2028}j/ñ🦙"))
        #expect(text == #""a\"b\\c\nd\re\tf\u0001g\u001fh\u007fi\u2028j/ñ🦙""#)
    }

    @Test func writesScalars() {
        #expect(JSONWriter.string(.null) == "null")
        #expect(JSONWriter.string(.bool(true)) == "true")
        #expect(JSONWriter.string(.bool(false)) == "false")
        #expect(JSONWriter.string(.integer(-42)) == "-42")
        #expect(JSONWriter.string(.double(2)) == "2.0", "a whole double stays a double when read back")
        #expect(JSONWriter.string(.double(0.5)) == "0.5")
    }

    @Test func keepsKeyOrderAndIndents() {
        let text = JSONWriter.string(.object([("z", .integer(1)), ("a", .array([.bool(true), .object([])])), ("m", .array([]))]))
        #expect(text == """
            {
              "z": 1,
              "a": [
                true,
                {}
              ],
              "m": []
            }
            """)
    }

    @Test func sameValueGivesIdenticalBytes() {
        let rebuilt: JSONValue = .object(sample.objectMembers)
        #expect(Array(JSONWriter.string(sample).utf8) == Array(JSONWriter.string(rebuilt).utf8))
    }

    @Test func roundTripsThroughTheParser() throws {
        #expect(try JSONParser.parse(JSONWriter.string(sample)) == sample)
    }

    @Test func roundTripsTheFixtureRoutes() throws {
        for ruta in try Fixtures.smallCatalogue().rutas {
            let text = JSONWriter.string(ruta.json)
            #expect(try JSONParser.parse(text) == ruta.json)
            #expect(JSONWriter.string(try JSONParser.parse(text)) == text)
        }
    }
}

private extension JSONValue {
    var objectMembers: [(key: String, value: JSONValue)] {
        guard case .object(let members) = self else { return [] }
        return members
    }
}
