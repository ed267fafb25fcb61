/// The chunks of a PNG file from the signature to IEND, each with its CRC checked: a file cut
/// short (no IEND) or damaged (a CRC that does not match) is refused.
struct PNGStructure {
    /// One chunk: `start` is its length field, `data` its content; the CRC follows the data.
    struct Chunk {
        let type: String
        let start: Int
        let data: Range<Int>

        /// The type and data: what the CRC covers.
        var checkedRange: Range<Int> { start + 4..<data.upperBound }
        /// The offset just past the CRC.
        var end: Int { data.upperBound + 4 }
        /// Ancillary chunks (lowercase first letter) may be dropped by an editor; critical ones may not.
        var isAncillary: Bool { type.first?.isLowercase == true }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    /// The chunks up to and including IEND.
    let chunks: [Chunk]
    let size: (width: Int, height: Int)
    /// The offset just past IEND; anything after it is a trailer.
    let end: Int

    init(_ bytes: [UInt8]) throws {
        guard bytes.hasBytes(Self.signature, at: 0) else {
            throw ImageError.damaged(.png, .invalidStructure(detail: "no empieza con la firma PNG"))
        }
        var chunks: [Chunk] = []
        var offset = Self.signature.count
        var sawImageData = false
        while true {
            guard offset < bytes.count else { throw ImageError.damaged(.png, .pngMissingEnd) }
            guard let length = bytes.integer(at: offset, size: 4, .big), let type = bytes.fourCC(at: offset + 4) else {
                throw ImageError.damaged(.png, .cutShort)
            }
            guard type.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ImageError.damaged(.png, .invalidStructure(detail: "tiene un bloque de tipo inválido (byte \(offset))"))
            }
            guard length <= Int(Int32.max) else {
                throw ImageError.damaged(.png, .invalidStructure(detail: "el bloque «\(type)» tiene una longitud imposible"))
            }
            let chunk = Chunk(type: type, start: offset, data: offset + 8..<offset + 8 + length)
            guard chunk.end <= bytes.count, let storedCRC = bytes.integer(at: chunk.data.upperBound, size: 4, .big) else {
                throw ImageError.damaged(.png, .runsPastEnd(part: type))
            }
            guard UInt32(storedCRC) == CRC32.checksum(bytes, in: chunk.checkedRange) else {
                throw ImageError.damaged(.png, .pngChecksumMismatch(chunk: type))
            }
            if chunks.isEmpty, type != "IHDR" || length != 13 {
                throw ImageError.damaged(.png, .invalidStructure(detail: "no empieza con el encabezado IHDR"))
            }
            chunks.append(chunk)
            offset = chunk.end
            if type == "IDAT" { sawImageData = true }
            if type == "IEND" { break }
        }
        guard sawImageData else { throw ImageError.damaged(.png, .missingImageData) }
        let header = chunks[0].data.lowerBound
        guard let width = bytes.integer(at: header, size: 4, .big), let height = bytes.integer(at: header + 4, size: 4, .big),
              width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max)
        else { throw ImageError.missingDimensions(.png) }
        self.chunks = chunks
        self.size = (width, height)
        self.end = offset
    }
}
