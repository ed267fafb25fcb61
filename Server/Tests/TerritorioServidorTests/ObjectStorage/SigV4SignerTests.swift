import Foundation
import Testing
@testable import TerritorioServidorCore

/// The signer against AWS's published examples: the SigV4 test suite (aws-sig-v4-test-suite,
/// service "service") and the S3 API reference's header-signing examples, whose paths are encoded
/// once and never again (S3 does not double-encode).
@Suite struct SigV4SignerTests {
    static let suite = SigV4Signer(accessKey: "AKIDEXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                   region: "us-east-1", service: "service")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let s3 = SigV4Signer(accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                region: "us-east-1", service: "s3")
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    static let empty = SigV4Signer.emptyPayloadHash

    @Test func getVanilla() {
        let signed = Self.suite.sign(method: "GET", host: "example.amazonaws.com", path: "/", payloadSHA256: Self.empty, date: Self.suiteDate)
        #expect(signed.canonicalRequest == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(Self.empty)")
        #expect(signed.stringToSign == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
            """)
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test(arguments: [
        // get-vanilla-query-order-key-case: the query is sorted by name before signing.
        ("GET", "/", [("Param2", "value2"), ("Param1", "value1")], "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        // get-utf8: a path of UTF-8 characters, percent-encoded once.
        ("GET", "/ሴ", [], "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        // get-space-unnormalized: a space is %20, encoded once.
        ("GET", "/example space/", [], "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        ("POST", "/", [], "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    ] as [(String, String, [(String, String)], String)])
    func testSuite(method: String, rawPath: String, query: [(String, String)], signature: String) {
        let signed = Self.suite.sign(method: method, host: "example.amazonaws.com", path: SigV4Signer.encode(rawPath, keepingSlashes: true),
                                     query: query, payloadSHA256: Self.empty, date: Self.suiteDate)
        #expect(signed.signature == signature)
    }

    /// post-x-www-form-urlencoded: a signed body, its hash in `x-amz-content-sha256`.
    @Test func signedBody() {
        let body = SigV4Signer.payloadHash(Data("Param1=value1".utf8))
        #expect(body == "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        let signed = Self.suite.sign(method: "POST", host: "example.amazonaws.com", path: "/",
                                     headers: ["Content-Length": "13", "Content-Type": "application/x-www-form-urlencoded", "x-amz-content-sha256": body],
                                     payloadSHA256: body, date: Self.suiteDate)
        #expect(signed.signature == "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b")
    }

    /// S3's example "GET Object": the first 10 bytes of test.txt.
    @Test func s3GetObject() {
        let signed = Self.s3.sign(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
                                  headers: ["Range": "bytes=0-9", "x-amz-content-sha256": Self.empty], payloadSHA256: Self.empty, date: Self.s3Date)
        #expect(signed.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign.hasSuffix("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"))
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// S3's example "PUT Object": the key `test$file.text` is encoded once, `$` as `%24`.
    @Test func s3PutObject() {
        let body = SigV4Signer.payloadHash(Data("Welcome to Amazon S3.".utf8))
        #expect(body == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let path = "/" + SigV4Signer.encode("test$file.text", keepingSlashes: true)
        #expect(path == "/test%24file.text")
        let signed = Self.s3.sign(method: "PUT", host: "examplebucket.s3.amazonaws.com", path: path,
                                  headers: ["Date": "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY",
                                            "x-amz-content-sha256": body],
                                  payloadSHA256: body, date: Self.s3Date)
        #expect(signed.stringToSign.hasSuffix("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"))
        #expect(signed.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    /// S3's example "GET Bucket (List Objects)": query values signed encoded and sorted.
    @Test func s3ListObjects() {
        let signed = Self.s3.sign(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/",
                                  query: [("max-keys", "2"), ("prefix", "J")], headers: ["x-amz-content-sha256": Self.empty],
                                  payloadSHA256: Self.empty, date: Self.s3Date)
        #expect(signed.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    /// The store's request path is the signed canonical URI, encoded once: a `%` in a name is
    /// `%25`, never `%2525`, and `/` between parts stays.
    @Test func objectPathsAreEncodedOnce() {
        let store = S3ObjectStore(endpoint: URL(string: "http://127.0.0.1:8333")!, bucket: "territorio", region: "us-east-1",
                                  accessKey: "a", secretKey: "b")
        #expect(store.path("fotos/a b/ñ 100%.jpg") == "/territorio/fotos/a%20b/%C3%B1%20100%25.jpg")
        #expect(store.path(nil) == "/territorio")
        #expect(store.host == "127.0.0.1:8333")
    }
}
