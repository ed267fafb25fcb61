import Foundation
import Testing
@testable import TerritorioServidorCore

/// `TERRITORIO_S3_PREFIJO`: where in the bucket a server's objects go, and the values refused.
struct S3KeyPrefixTests {
    static let s3 = ["TERRITORIO_S3_URL": "http://127.0.0.1:8333", "TERRITORIO_S3_BUCKET": "territorio",
                     "TERRITORIO_S3_ACCESS_KEY": "a", "TERRITORIO_S3_SECRET_KEY": "b"]

    static func store(_ environment: [String: String]) throws -> S3ObjectStore {
        try #require(try ObjectStoreConfiguration.store(from: environment) as? S3ObjectStore)
    }

    @Test func everyObjectGoesUnderThePrefix() throws {
        let store = try Self.store(Self.s3.merging([S3KeyPrefix.environmentVariable: "Distrito_1/pruebas-2.0/"]) { $1 })
        #expect(store.prefix.description == "Distrito_1/pruebas-2.0")
        #expect(store.path("fotos/ab 1") == "/territorio/Distrito_1/pruebas-2.0/fotos/ab%201")
        #expect(store.path(nil) == "/territorio", "the bucket itself is checked at start, not the prefix")
        #expect(store.description.contains("«Distrito_1/pruebas-2.0/»"))

        let unset = try Self.store(Self.s3.merging([S3KeyPrefix.environmentVariable: ""]) { $1 })
        #expect(unset.path("fotos/ab") == "/territorio/fotos/ab")
    }

    @Test(arguments: ["/territorio", "a//b", "//", "/", "../otro", "a/./b", "a/..", "fotos de ana", "año", "a?b", "a%2Fb",
                      "a\u{1B}[2J", String(repeating: "a", count: 201)])
    func aValueThatIsNotAPrefixIsRefusedNamingTheVariable(_ value: String) throws {
        let failure = #expect(throws: ObjectStoreFailure.self) {
            try ObjectStoreConfiguration.store(from: Self.s3.merging([S3KeyPrefix.environmentVariable: value]) { $1 })
        }
        #expect(failure?.description.hasPrefix("TERRITORIO_S3_PREFIJO debe ser") == true)
        #expect(failure?.description.unicodeScalars.contains { $0.properties.generalCategory == .control } == false,
                "the value is repeated without its control characters")
    }

    @Test func aPrefixAloneAsksForTheRestOfS3() {
        let failure = #expect(throws: ObjectStoreFailure.self) {
            try ObjectStoreConfiguration.store(from: [S3KeyPrefix.environmentVariable: "territorio"])
        }
        #expect(failure?.description.contains("TERRITORIO_S3_URL") == true)
    }
}
