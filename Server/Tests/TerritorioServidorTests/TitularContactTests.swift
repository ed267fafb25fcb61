import Foundation
import NIOCore
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

/// How a titular's request recognises their contact data, and how it leaves a body — no database.
@Suite struct TitularContactTests {
    static func contact(_ name: String?, _ phone: String?) throws -> TitularContact {
        let body = Fixtures.novedad(id: Fixtures.newID(), changes: ["contacto": ["nombre": name as Any? ?? NSNull(), "telefono": phone as Any? ?? NSNull()]])
        return try #require(TitularContact(body: Array(body)))
    }

    @Test func namesMatchAsWholeWordsIgnoringCaseAccentsAndSigns() throws {
        let stored = try Self.contact("María  José Pérez-Gómez", nil)
        for query in ["maria jose", "MARÍA JOSÉ PÉREZ GÓMEZ", "perez gomez", "José"] {
            #expect(stored.matches(.name(query)), "\(query)")
        }
        for query in ["mari", "maria perez", "jose maria", "Gómez Pérez"] {
            #expect(!stored.matches(.name(query)), "\(query)")
        }
    }

    @Test func phonesMatchByTheirDigitsWithOrWithoutColombiasCode() throws {
        let stored = try Self.contact(nil, "+57 (300) 123-4567")
        #expect(stored.matches(.phone("3001234567")))
        #expect(stored.matches(.phone("300 123 4567")))
        #expect(!stored.matches(.phone("3001234568")))
        #expect(TitularContact.digits("573001234567") == "3001234567")
        #expect(TitularContact.digits("6015551234") == "6015551234")
    }

    @Test func aReasonMayNotNameTheTitular() throws {
        let stored = try Self.contact("Luz Ángela Ruiz", "310 555 0000")
        #expect(stored.isMentioned(in: "pedido de la señora RUIZ"))
        #expect(stored.isMentioned(in: "llamó desde el 3105550000"))
        #expect(!stored.isMentioned(in: "Solicitud escrita radicada en la SDQS el 6 de diciembre"))
    }

    @Test func aBodyWithoutContactHasNone() {
        let body = Fixtures.novedad(id: Fixtures.newID())
        #expect(TitularContact(body: Array(body)) == nil)
        #expect(ContactRemoval.body(withoutContactOf: ByteBuffer(bytes: body)) == nil)
    }

    @Test func removingTheContactKeepsEverythingElse() throws {
        let body = Fixtures.novedad(id: Fixtures.newID(), changes: ["contacto": ["nombre": "Rosalba", "telefono": "3157778899"]])
        let rewritten = try #require(ContactRemoval.body(withoutContactOf: ByteBuffer(bytes: body)))
        let members = try #require(try JSONParser.parse(Array(body)).objectValue)
        let expected = JSONValue.object(members.map { $0.key == "contacto" ? ($0.key, .null) : $0 })
        #expect(String(buffer: rewritten) == JSONWriter.canonical(expected))
        #expect(!String(buffer: rewritten).contains("Rosalba"))
    }
}
