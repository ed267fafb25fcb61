import HTTPTypes

/// RFC 9530 digest fields: `Repr-Digest` names the SHA-256 of a whole attachment or novedad, the
/// same value the client computed when it froze the bytes.
extension HTTPField.Name {
    static let reprDigest = HTTPField.Name("Repr-Digest")!
    static let contentDigest = HTTPField.Name("Content-Digest")!
}
