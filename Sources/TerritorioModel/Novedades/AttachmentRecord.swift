/// A photo attached to a novedad. Its identity is the SHA-256 of the bytes that will be sent
/// (after location metadata is removed), stored once at `adjuntos/<sha256>`.
public struct AttachmentRecord: Equatable, Sendable {
    /// 64 lowercase hex digits.
    public let sha256: String
    /// The original file name, as the gestor chose it.
    public let name: String
    public let bytes: Int
    public let width: Int
    public let height: Int
    public let format: ImageFormat
    /// Location metadata was found and removed (false when there was none, or when the gestor
    /// kept it on purpose — then `keptLocation` is true).
    public let locationRemoved: Bool
    public let keptLocation: Bool

    public init(sha256: String, name: String, bytes: Int, width: Int, height: Int, format: ImageFormat,
                locationRemoved: Bool, keptLocation: Bool) {
        self.sha256 = sha256
        self.name = name
        self.bytes = bytes
        self.width = width
        self.height = height
        self.format = format
        self.locationRemoved = locationRemoved
        self.keptLocation = keptLocation
    }

    /// The SHA-256 as bytes, for `Repr-Digest`: the file was hashed when it was stored, and the
    /// server checks what arrives against it, so sending needs no second pass over the photo.
    public var digest: [UInt8] {
        SHA256.bytes(ofHex: sha256) ?? []
    }

    public var json: JSONValue {
        .object([
            ("sha256", .string(sha256)),
            ("nombre", .string(name)),
            ("bytes", .integer(Int64(bytes))),
            ("ancho", .integer(Int64(width))),
            ("alto", .integer(Int64(height))),
            ("formato", .string(format.rawValue)),
            ("ubicacion_removida", .bool(locationRemoved)),
            ("ubicacion_conservada", .bool(keptLocation)),
        ])
    }
}
