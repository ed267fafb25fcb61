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

    @Test func sameValueGivesIdenticalBytes() throws {
        let rebuilt: JSONValue = .object(try #require(sample.objectValue))
        #expect(Array(JSONWriter.string(sample).utf8) == Array(JSONWriter.string(rebuilt).utf8))
    }

    @Test func roundTripsThroughTheParser() throws {
        #expect(try JSONParser.parse(JSONWriter.string(sample)) == sample)
    }

    @Test func canonicalTextIsCompactWithSortedKeysAndKeepsTypes() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.5, true, null], "a": "ñ\"\n", "c": {"z": false, "y": -3}, "d": [], "e": {}}"#)
        #expect(JSONWriter.canonical(value) == #"{"a":"ñ\"\n","b":[1,2.5,true,null],"c":{"y":-3,"z":false},"d":[],"e":{}}"#)
    }

    @Test func canonicalTextIsTheSameForTheSameContentInAnyKeyOrder() throws {
        let reordered: JSONValue = .object(try #require(sample.objectValue).reversed().map { member in
            guard case .array(let elements) = member.value else { return member }
            return (member.key, .array(elements.map { element in
                guard case .object(let members) = element else { return element }
                return .object(members.reversed())
            }))
        })
        #expect(reordered != sample)
        #expect(JSONWriter.canonical(reordered) == JSONWriter.canonical(sample))
        #expect(JSONWriter.canonical(.object([("a", .integer(1))])) != JSONWriter.canonical(.object([("a", .double(1))])))
    }

    @Test func canonicalTextEscapesAsTheIndentedTextDoes() throws {
        let text: JSONValue = .string("a\"b\\c\nd\u{1}\u{7F}\u{9B}\u{202E}\u{2028}ñ🦙")
        #expect(JSONWriter.canonical(text) == JSONWriter.string(text))
        #expect(JSONWriter.canonical(text) == #""a\"b\\c\nd\u0001\u007f\u009b\u202e\u2028ñ🦙""#)
        let canonical = JSONWriter.canonical(sample)
        #expect(JSONWriter.canonical(try JSONParser.parse(canonical)) == canonical, "reading it back gives the same text")
    }

    @Test func roundTripsTheFixtureRoutes() throws {
        for ruta in try Fixtures.smallCatalogue().rutas {
            let text = JSONWriter.string(ruta.json)
            #expect(try JSONParser.parse(text) == ruta.json)
            #expect(JSONWriter.string(try JSONParser.parse(text)) == text)
        }
    }
}
