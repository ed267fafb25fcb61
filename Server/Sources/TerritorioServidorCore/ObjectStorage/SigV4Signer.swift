import Crypto
import Foundation
import NIOConcurrencyHelpers
import TerritorioWire

/// AWS Signature Version 4 (header form), as S3 and every S3-compatible store check it. The
/// payload is always signed by its SHA-256 (`x-amz-content-sha256`), never `UNSIGNED-PAYLOAD`:
/// the caller passes the hash of the exact bytes it will send.
struct SigV4Signer: Sendable {
    let accessKey: String
    let secretKey: String
    let region: String
    let service: String
    /// The signing key of the last day signed for: it depends only on the day, so the four HMACs
    /// that derive it run once a day instead of once per request.
    private let dayKey = NIOLockedValueBox<(day: String, key: [UInt8])?>(nil)

    init(accessKey: String, secretKey: String, region: String, service: String) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.region = region
        self.service = service
    }

    /// The pieces of one signature, kept for tests that compare them with AWS's examples.
    struct Signature: Equatable {
        let canonicalRequest: String
        let stringToSign: String
        let signature: String
        let authorization: String
        /// `x-amz-date`: it must be sent as signed.
        let amzDate: String
    }

    /// Signs a request. `path` is the canonical URI, already percent-encoded once (S3 does not
    /// encode it again); `query` holds raw names and values; `headers` are the ones to sign
    /// besides `host` and `x-amz-date`, which the signer adds.
    func sign(method: String, host: String, path: String, query: [(String, String)] = [], headers: [String: String] = [:],
              payloadSHA256: String, date: Date) -> Signature {
        let amzDate = Self.timestamp(date)
        let day = String(amzDate.prefix(8))
        var signed: [String: String] = ["host": host, "x-amz-date": amzDate]
        for (name, value) in headers { signed[name.lowercased()] = Self.trimmed(value) }
        let names = signed.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(signed[$0]!)\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonicalQuery = query.map { (Self.encode($0.0, keepingSlashes: false), Self.encode($0.1, keepingSlashes: false)) }
            .sorted { $0 < $1 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
        let canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadSHA256].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(Crypto.SHA256.hash(data: Data(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        let signature = Self.hex(HMAC<Crypto.SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(day: day)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                         authorization: authorization, amzDate: amzDate)
    }

    private func signingKey(day: String) -> SymmetricKey {
        if let cached = dayKey.withLockedValue({ $0 }), cached.day == day { return SymmetricKey(data: cached.key) }
        var key = SymmetricKey(data: Data("AWS4\(secretKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<Crypto.SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let bytes = key.withUnsafeBytes { Array($0) }
        dayKey.withLockedValue { $0 = (day, bytes) }
        return key
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (and `/` in paths),
    /// in uppercase hex, as SigV4 requires.
    static func encode(_ text: String, keepingSlashes: Bool) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                encoded.append("/")
            default:
                encoded.unicodeScalars.append(contentsOf: ["%", upperHex[Int(byte >> 4)], upperHex[Int(byte & 0x0f)]])
            }
        }
        return encoded
    }

    private static let upperHex = Array("0123456789ABCDEF".unicodeScalars)

    /// The SHA-256 of `bytes` in lowercase hex, the form `x-amz-content-sha256` takes.
    static func payloadHash(_ bytes: some DataProtocol) -> String {
        hex(Crypto.SHA256.hash(data: bytes))
    }

    static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        TerritorioWire.SHA256.hex(of: Array(bytes))
    }

    /// `YYYYMMDD'T'HHMMSS'Z'` in UTC, from the C library's calendar: a `DateFormatter` per
    /// request cost more than the HMACs of the signature.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + digits(parts.tm_mon + 1, 2) + digits(parts.tm_mday, 2) + "T"
            + digits(parts.tm_hour, 2) + digits(parts.tm_min, 2) + digits(parts.tm_sec, 2) + "Z"
    }

    /// Header values are signed with their outer spaces removed and inner runs collapsed.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
