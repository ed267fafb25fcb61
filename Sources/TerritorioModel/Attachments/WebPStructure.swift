/// The chunks of a WebP file (a RIFF container) and the size from its VP8, VP8L or VP8X header.
/// A RIFF or chunk that declares more bytes than the file has is refused as cut short.
struct WebPStructure {
    /// One RIFF chunk: `start` is its FourCC, `data` its content, `end` includes the pad byte.
    struct Chunk {
        let fourCC: String
        let start: Int
        let data: Range<Int>
        let end: Int
    }

    let chunks: [Chunk]
    let size: (width: Int, height: Int)
    /// The offset just past the RIFF container; anything after it is a trailer.
    let end: Int

    init(_ bytes: [UInt8]) throws {
        guard bytes.hasBytes(Array("RIFF".utf8), at: 0), bytes.hasBytes(Array("WEBP".utf8), at: 8),
              let riffSize = bytes.integer(at: 4, size: 4, .little)
        else { throw ImageError.damaged(.webp, .cutShort) }
        let end = 8 + riffSize
        guard riffSize >= 4 else {
            throw ImageError.damaged(.webp, .invalidStructure(detail: "el contenedor RIFF tiene una longitud imposible"))
        }
        guard end <= bytes.count else { throw ImageError.damaged(.webp, .runsPastEnd(part: "RIFF")) }
        var chunks: [Chunk] = []
        var offset = 12
        while offset < end {
            guard offset + 8 <= end, let fourCC = bytes.fourCC(at: offset),
                  let length = bytes.integer(at: offset + 4, size: 4, .little)
            else { throw ImageError.damaged(.webp, .cutShort) }
            let dataEnd = offset + 8 + length
            guard dataEnd <= end else { throw ImageError.damaged(.webp, .runsPastEnd(part: fourCC)) }
            let chunk = Chunk(fourCC: fourCC, start: offset, data: offset + 8..<dataEnd, end: min(dataEnd + length % 2, end))
            chunks.append(chunk)
            offset = chunk.end
        }
        guard let first = chunks.first else { throw ImageError.damaged(.webp, .missingImageData) }
        let size: (width: Int, height: Int)?
        switch first.fourCC {
        case "VP8 ": size = Self.lossySize(bytes, first.data)
        case "VP8L": size = Self.losslessSize(bytes, first.data)
        case "VP8X":
            guard chunks.contains(where: { ["VP8 ", "VP8L", "ANMF"].contains($0.fourCC) }) else {
                throw ImageError.damaged(.webp, .missingImageData)
            }
            size = Self.canvasSize(bytes, first.data)
        default:
            throw ImageError.damaged(.webp, .invalidStructure(detail: "falta el encabezado VP8, VP8L o VP8X"))
        }
        guard let size, size.width > 0, size.height > 0 else { throw ImageError.missingDimensions(.webp) }
        self.chunks = chunks
        self.size = size
        self.end = end
    }

    /// A lossy key frame: start code 9D 01 2A, then 14-bit width and height.
    static func lossySize(_ bytes: [UInt8], _ data: Range<Int>) -> (width: Int, height: Int)? {
        guard data.count >= 10, bytes.hasBytes([0x9d, 0x01, 0x2a], at: data.lowerBound + 3),
              let width = bytes.integer(at: data.lowerBound + 6, size: 2, .little),
              let height = bytes.integer(at: data.lowerBound + 8, size: 2, .little)
        else { return nil }
        return (width & 0x3fff, height & 0x3fff)
    }

    /// A lossless image: signature 0x2F, then width − 1 and height − 1 in 14 bits each.
    static func losslessSize(_ bytes: [UInt8], _ data: Range<Int>) -> (width: Int, height: Int)? {
        guard data.count >= 5, bytes[data.lowerBound] == 0x2f,
              let bits = bytes.integer(at: data.lowerBound + 1, size: 4, .little), bits >> 29 == 0
        else { return nil }
        return ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
    }

    /// The extended header: flags, then canvas width − 1 and height − 1 in 24 bits each.
    static func canvasSize(_ bytes: [UInt8], _ data: Range<Int>) -> (width: Int, height: Int)? {
        guard data.count >= 10,
              let width = bytes.integer(at: data.lowerBound + 4, size: 3, .little),
              let height = bytes.integer(at: data.lowerBound + 7, size: 3, .little)
        else { return nil }
        return (width + 1, height + 1)
    }
}
