import HTTPTypes
import TerritorioWire

/// The headers of resumable uploads (tus-style): where the server's copy of a photo ends, and how
/// long the whole photo is.
extension HTTPField.Name {
    static let uploadOffset = HTTPField.Name(WireProtocol.uploadOffsetHeader)!
    static let uploadLength = HTTPField.Name(WireProtocol.uploadLengthHeader)!
}
