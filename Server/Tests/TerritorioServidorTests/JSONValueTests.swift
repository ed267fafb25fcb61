import Testing
@testable import TerritorioServidorCore

@Suite struct JSONValueTests {
    @Test func canonicalTextSortsKeysAndKeepsTypes() throws {
        let value = try #require(JSONValue.parse(Array(#"{"b": [1, 2.5, true, null], "a": "ñ\"\n", "c": {"z": false, "y": -3}}"#.utf8)))
        #expect(value.canonicalText == #"{"a":"ñ\"\n","b":[1,2.5,true,null],"c":{"y":-3,"z":false}}"#)
    }

    @Test func notJSONIsNil() {
        #expect(JSONValue.parse(Array("{nope".utf8)) == nil)
        #expect(JSONValue.parse(Array("".utf8)) == nil)
    }
}
