
/// The layout of one JPEG image, walked from its start-of-image marker to its end-of-image
/// marker: the marker segments (to read the size and find metadata) and where the image ends.
/// Refuses a file cut short, in particular one whose scan is not followed by EOI.
struct JPEGStructure {
    /// A marker segment with a length: `payload` is what follows the length field.
    struct Segment {
        let marker: UInt8
        let payload: Range<Int>
    }

    let segments: [Segment]
    let size: (width: Int, height: Int)
    /// The offset just past the EOI marker; anything after it is a trailer (e.g. more images).
    let end: Int

    /// Walks the JPEG image that starts (with SOI) at `start`.
    init(_ bytes: [UInt8], from start: Int = 0) throws {
        guard bytes.hasBytes([0xff, 0xd8], at: start) else {
            throw ImageError.damaged(.jpeg, .invalidStructure(detail: "no empieza con el marcador de inicio de imagen"))
        }
        var segments: [Segment] = []
        var frameSize: (width: Int, height: Int)?
        var sawScan = false
        var offset = start + 2
        while true {
            let cut: ImageError = .damaged(.jpeg, sawScan ? .jpegMissingEndMarker : .cutShort)
            guard offset < bytes.count else { throw cut }
            guard bytes[offset] == 0xff else {
                throw ImageError.damaged(.jpeg, .invalidStructure(detail: "hay bytes inesperados donde debería ir un marcador (byte \(offset))"))
            }
            let markerStart = offset
            while offset < bytes.count, bytes[offset] == 0xff { offset += 1 }
            guard offset < bytes.count else { throw cut }
            let marker = bytes[offset]
            offset += 1
            switch marker {
            case 0xd9:
                guard sawScan else { throw ImageError.damaged(.jpeg, .jpegMissingScan) }
                guard let frameSize else { throw ImageError.missingDimensions(.jpeg) }
                self.segments = segments
                self.size = frameSize
                self.end = offset
                return
            case 0x01, 0xd0...0xd7:
                continue
            case 0x00, 0xd8:
                throw ImageError.damaged(.jpeg, .invalidStructure(detail: "tiene un marcador fuera de lugar (byte \(markerStart))"))
            default:
                break
            }
            guard let length = bytes.integer(at: offset, size: 2, .big) else { throw cut }
            guard length >= 2 else {
                throw ImageError.damaged(.jpeg, .invalidStructure(detail: "el segmento \(Self.name(of: marker)) tiene una longitud imposible"))
            }
            guard offset + length <= bytes.count else {
                throw ImageError.damaged(.jpeg, sawScan && marker == 0xda ? .jpegMissingEndMarker : .runsPastEnd(part: Self.name(of: marker)))
            }
            let segment = Segment(marker: marker, payload: offset + 2..<offset + length)
            segments.append(segment)
            offset += length
            if Self.isStartOfFrame(marker), frameSize == nil {
                guard segment.payload.count >= 6,
                      let height = bytes.integer(at: segment.payload.lowerBound + 1, size: 2, .big),
                      let width = bytes.integer(at: segment.payload.lowerBound + 3, size: 2, .big)
                else { throw ImageError.damaged(.jpeg, .invalidStructure(detail: "el encabezado SOF está incompleto")) }
                guard width > 0, height > 0 else { throw ImageError.missingDimensions(.jpeg) }
                frameSize = (width, height)
            }
            if marker == 0xda {
                guard frameSize != nil else { throw ImageError.missingDimensions(.jpeg) }
                sawScan = true
                guard let next = Self.markerAfterScan(bytes, from: offset) else {
                    throw ImageError.damaged(.jpeg, .jpegMissingEndMarker)
                }
                offset = next
            }
        }
    }

    /// The offset of the first marker after entropy-coded data starting at `offset`: a 0xFF that
    /// is neither stuffing (0xFF00) nor a restart marker. Nil if the data runs to the end.
    private static func markerAfterScan(_ bytes: [UInt8], from offset: Int) -> Int? {
        var position = offset
        while let found = bytes.firstOffset(of: [0xff], in: position..<bytes.count) {
            var next = found + 1
            while next < bytes.count, bytes[next] == 0xff { next += 1 }
            guard next < bytes.count else { return nil }
            switch bytes[next] {
            case 0x00, 0xd0...0xd7: position = next + 1
            default: return found
            }
        }
        return nil
    }

    /// Whether `marker` starts a frame (SOF0–SOF15 except DHT, JPG and DAC), whose header holds the size.
    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xc0...0xcf).contains(marker) && marker != 0xc4 && marker != 0xc8 && marker != 0xcc
    }

    /// The conventional name of a marker, for messages: `APP1`, `SOF0`, `DQT`, `COM`.
    static func name(of marker: UInt8) -> String {
        switch marker {
        case 0xe0...0xef: "APP\(marker - 0xe0)"
        case 0xc4: "DHT"
        case 0xcc: "DAC"
        case 0xc0...0xcf: "SOF\(marker - 0xc0)"
        case 0xda: "SOS"
        case 0xdb: "DQT"
        case 0xdd: "DRI"
        case 0xfe: "COM"
        default: "FF" + String(marker, radix: 16, uppercase: true)
        }
    }
}
