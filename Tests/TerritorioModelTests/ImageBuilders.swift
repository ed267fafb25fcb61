import Foundation
@testable import TerritorioModel
import TerritorioTestSupport

// Minimal but structurally valid images built in code — JPEG, PNG, WebP and HEIC, with and
// without a GPS position, in both Exif byte orders — for the inspector and location remover tests.

/// An image built for a test, with what the test needs to know about it.
struct BuiltImage {
    let bytes: [UInt8]
    let format: ImageFormat
    let width: Int
    let height: Int
    /// The image data that removing location must leave byte-identical: a JPEG's scan through
    /// EOI, a PNG's IDAT chunk, a WebP's VP8 chunk, a HEIC's coded image item.
    let imageData: Range<Int>
    /// Byte strings that reveal the position: the Exif rationals as encoded, the XMP coordinates.
    let locationBytes: [[UInt8]]

    var info: ImageInfo { ImageInfo(format: format, width: width, height: height) }
}

/// Where the test photos were "taken": Plaza de Bolívar, Bogotá, 4°35'53.10"N 74°4'33.50"W, 2640 m.
enum TestPosition {
    static let latitude: [(UInt32, UInt32)] = [(4, 1), (35, 1), (5310, 100)]
    static let longitude: [(UInt32, UInt32)] = [(74, 1), (4, 1), (3350, 100)]
    static let altitude: (UInt32, UInt32) = (2640, 1)
    static let xmpLatitude = "4,35.885N"
    static let xmpLongitude = "74,4.5583W"

    /// The bytes a removal must make disappear from Exif written in `order`.
    static func exifBytes(_ order: Endianness) -> [[UInt8]] {
        [rationals(latitude, order), rationals(longitude, order), rationals([altitude], order)]
    }

    static func xmpBytes() -> [[UInt8]] {
        [Array(xmpLatitude.utf8), Array(xmpLongitude.utf8)]
    }

    static func rationals(_ values: [(UInt32, UInt32)], _ order: Endianness) -> [UInt8] {
        values.flatMap { TIFFWriter.u32($0.0, order) + TIFFWriter.u32($0.1, order) }
    }
}

// MARK: - Exif (TIFF)

/// Writes TIFF structures: a list of directories (0 is IFD0) whose entries hold bytes or point to
/// another directory; values longer than 4 bytes are laid out after their directory.
enum TIFFWriter {
    enum Value {
        case bytes([UInt8])
        case directory(Int)
    }

    struct Field {
        let tag: UInt16
        let type: UInt16
        let count: UInt32
        let value: Value
    }

    static func u16(_ value: UInt16, _ order: Endianness) -> [UInt8] {
        let bytes = [UInt8(value >> 8), UInt8(value & 0xff)]
        return order == .big ? bytes : bytes.reversed()
    }

    static func u32(_ value: UInt32, _ order: Endianness) -> [UInt8] {
        let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
        return order == .big ? bytes : bytes.reversed()
    }

    static func ascii(_ tag: UInt16, _ text: String) -> Field {
        let bytes = Array(text.utf8) + [0]
        return Field(tag: tag, type: 2, count: UInt32(bytes.count), value: .bytes(bytes))
    }

    static func rational(_ tag: UInt16, _ values: [(UInt32, UInt32)], _ order: Endianness) -> Field {
        Field(tag: tag, type: 5, count: UInt32(values.count), value: .bytes(TestPosition.rationals(values, order)))
    }

    static func pointer(_ tag: UInt16, to directory: Int) -> Field {
        Field(tag: tag, type: 4, count: 1, value: .directory(directory))
    }

    static func tiff(_ order: Endianness, _ directories: [[Field]]) -> [UInt8] {
        func outOfLine(_ field: Field) -> [UInt8]? {
            if case .bytes(let bytes) = field.value, bytes.count > 4 { return bytes + (bytes.count % 2 == 1 ? [0] : []) }
            return nil
        }
        var offsets: [Int] = []
        var cursor = 8
        for directory in directories {
            offsets.append(cursor)
            cursor += 2 + 12 * directory.count + 4 + directory.compactMap(outOfLine).reduce(0) { $0 + $1.count }
        }
        var bytes = (order == .big ? Array("MM".utf8) : Array("II".utf8)) + u16(42, order) + u32(8, order)
        for (index, directory) in directories.enumerated() {
            var data: [UInt8] = []
            var dataOffset = offsets[index] + 2 + 12 * directory.count + 4
            bytes += u16(UInt16(directory.count), order)
            for field in directory {
                bytes += u16(field.tag, order) + u16(field.type, order) + u32(field.count, order)
                switch field.value {
                case .directory(let target):
                    bytes += u32(UInt32(offsets[target]), order)
                case .bytes(let value):
                    if let padded = outOfLine(field) {
                        bytes += u32(UInt32(dataOffset), order)
                        data += padded
                        dataOffset += padded.count
                    } else {
                        bytes += value + [UInt8](repeating: 0, count: 4 - value.count)
                    }
                }
            }
            bytes += u32(0, order) + data
        }
        return bytes
    }

    /// Camera Exif: IFD0 (Make, Orientation, the Exif IFD, and the GPS IFD when `gps`), the Exif
    /// IFD (DateTimeOriginal) and the GPS IFD (version, latitude, longitude, altitude, date).
    static func cameraExif(_ order: Endianness, gps: Bool) -> [UInt8] {
        var ifd0: [Field] = [
            ascii(0x010f, "Territorio"),
            Field(tag: 0x0112, type: 3, count: 1, value: .bytes(u16(1, order))),
            pointer(0x8769, to: 1),
        ]
        if gps { ifd0.append(pointer(0x8825, to: 2)) }
        let exifIFD = [ascii(0x9003, "2026:11:22 10:30:00")]
        let gpsIFD: [Field] = [
            Field(tag: 0x0000, type: 1, count: 4, value: .bytes([2, 3, 0, 0])),
            ascii(0x0001, "N"),
            rational(0x0002, TestPosition.latitude, order),
            ascii(0x0003, "W"),
            rational(0x0004, TestPosition.longitude, order),
            rational(0x0006, [TestPosition.altitude], order),
            ascii(0x001d, "2026:11:22"),
        ]
        return tiff(order, gps ? [ifd0, exifIFD, gpsIFD] : [ifd0, exifIFD])
    }
}

// MARK: - XMP

enum XMPWriter {
    static func packet(gps: Bool) -> [UInt8] {
        let attribute = gps ? " exif:GPSLatitude=\"\(TestPosition.xmpLatitude)\"" : ""
        let element = gps ? "<exif:GPSLongitude>\(TestPosition.xmpLongitude)</exif:GPSLongitude>" : ""
        let text = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
            <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" \
            xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Territorio pruebas"\(attribute)>\
            <!-- una nota -->\(element)<xmp:Rating>3</xmp:Rating></rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """
        return Array(text.utf8)
    }
}

// MARK: - JPEG

/// Camera JPEGs: the shared builder's structure with Exif and XMP segments.
extension JPEGBuilder {
    static func exifSegment(_ tiff: [UInt8]) -> [UInt8] {
        segment(0xe1, Array("Exif".utf8) + [0, 0] + tiff)
    }

    static func xmpSegment(_ packet: [UInt8]) -> [UInt8] {
        segment(0xe1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + packet)
    }

    /// SOI, APP1 Exif (with the GPS IFD when `gps`), optionally APP1 XMP, DQT, SOF0, DHT, SOS,
    /// scan data and EOI. `extraSegments` go after the metadata; `trailer` after EOI.
    static func jpeg(width: Int = 64, height: Int = 48, order: Endianness = .big, gps: Bool = true,
                     xmp: Bool = false, xmpGPS: Bool = false, extraSegments: [UInt8] = [],
                     scanBytes: Int = 600, trailer: [UInt8] = []) -> BuiltImage {
        var metadata = exifSegment(TIFFWriter.cameraExif(order, gps: gps))
        if xmp || xmpGPS { metadata += xmpSegment(XMPWriter.packet(gps: xmpGPS)) }
        let head = [0xff, 0xd8] + metadata + extraSegments + frame(width: width, height: height)
        let bytes = head + scan(scanData(count: scanBytes, seed: UInt64(width * 31 + height)))
        var location: [[UInt8]] = gps ? TestPosition.exifBytes(order) : []
        if xmpGPS { location += TestPosition.xmpBytes() }
        return BuiltImage(bytes: bytes + trailer, format: .jpeg, width: width, height: height,
                          imageData: head.count..<bytes.count, locationBytes: location)
    }
}

// MARK: - PNG

/// Camera PNGs: the shared builder's structure with eXIf, tEXt and XMP chunks.
extension PNGBuilder {
    static func xmpChunk(_ packet: [UInt8]) -> [UInt8] {
        chunk("iTXt", Array("XML:com.adobe.xmp".utf8) + [0, 0, 0, 0, 0] + packet)
    }

    /// IHDR, eXIf (when `exif`; with GPS when `gps`), tEXt, optionally iTXt XMP, `extraChunks`,
    /// IDAT, IEND.
    static func png(width: Int = 4, height: Int = 3, order: Endianness = .big, exif: Bool = true, gps: Bool = true,
                    xmp: Bool = false, xmpGPS: Bool = false, extraChunks: [UInt8] = []) -> BuiltImage {
        var chunks = exif ? chunk("eXIf", TIFFWriter.cameraExif(order, gps: gps)) : []
        chunks += comment(Array("Foto de prueba".utf8))
        if xmp || xmpGPS { chunks += xmpChunk(XMPWriter.packet(gps: xmpGPS)) }
        chunks += extraChunks
        let file = bytes(width: width, height: height, chunks: chunks)
        let dataStart = signature.count + header(width: width, height: height).count + chunks.count
        var location: [[UInt8]] = exif && gps ? TestPosition.exifBytes(order) : []
        if xmpGPS { location += TestPosition.xmpBytes() }
        return BuiltImage(bytes: file, format: .png, width: width, height: height,
                          imageData: dataStart..<file.count - chunk("IEND", []).count, locationBytes: location)
    }
}

// MARK: - WebP

enum WebPBuilder {
    static func chunk(_ fourCC: String, _ data: [UInt8]) -> [UInt8] {
        Array(fourCC.utf8) + le32(data.count) + data + (data.count % 2 == 1 ? [0] : [])
    }

    static func le32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    static func riff(_ chunks: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + le32(chunks.count + 4) + Array("WEBP".utf8) + chunks
    }

    /// A lossy key frame: frame tag, start code, 14-bit width and height, then partition bytes (odd length).
    static func vp8Data(width: Int, height: Int) -> [UInt8] {
        let partition = (0..<41).map { UInt8(truncatingIfNeeded: $0 &* 89 &+ 7) }
        let tag = 0x10 | partition.count << 5
        return [UInt8(tag & 0xff), UInt8(tag >> 8 & 0xff), UInt8(tag >> 16 & 0xff), 0x9d, 0x01, 0x2a,
                UInt8(width & 0xff), UInt8(width >> 8), UInt8(height & 0xff), UInt8(height >> 8)] + partition
    }

    /// RIFF/WEBP with VP8X (flags for EXIF and XMP), VP8, EXIF (when `exif`) and XMP (when asked), then `extraChunks`.
    static func webp(width: Int = 40, height: Int = 30, order: Endianness = .big, exif: Bool = true, gps: Bool = true,
                     xmp: Bool = false, xmpGPS: Bool = false, extraChunks: [UInt8] = []) -> BuiltImage {
        let hasXMP = xmp || xmpGPS
        let flags: UInt8 = (exif ? 0x08 : 0) | (hasXMP ? 0x04 : 0)
        let canvas = [flags, 0, 0, 0] + Array(le32(width - 1).prefix(3)) + Array(le32(height - 1).prefix(3))
        var chunks = chunk("VP8X", canvas)
        let dataStart = 12 + chunks.count
        chunks += chunk("VP8 ", vp8Data(width: width, height: height))
        let imageData = dataStart..<12 + chunks.count
        if exif { chunks += chunk("EXIF", TIFFWriter.cameraExif(order, gps: gps)) }
        if hasXMP { chunks += chunk("XMP ", XMPWriter.packet(gps: xmpGPS)) }
        chunks += extraChunks
        var location: [[UInt8]] = exif && gps ? TestPosition.exifBytes(order) : []
        if xmpGPS { location += TestPosition.xmpBytes() }
        return BuiltImage(bytes: riff(chunks), format: .webp, width: width, height: height, imageData: imageData,
                          locationBytes: location)
    }

    /// A simple lossy file: RIFF/WEBP with a VP8 chunk only.
    static func simpleLossy(width: Int, height: Int) -> [UInt8] {
        riff(chunk("VP8 ", vp8Data(width: width, height: height)))
    }

    /// A lossless file: signature 0x2F, then width − 1 and height − 1 in 14 bits each, version 0.
    static func lossless(width: Int, height: Int) -> [UInt8] {
        let bits = (width - 1) | (height - 1) << 14 | 1 << 28
        return riff(chunk("VP8L", [0x2f] + le32(bits) + [0x12, 0x34, 0x56]))
    }
}

// MARK: - HEIC

enum HEICBuilder {
    static func box(_ type: String, _ content: [UInt8]) -> [UInt8] {
        TIFFWriter.u32(UInt32(content.count + 8), .big) + Array(type.utf8) + content
    }

    static func fullBox(_ type: String, version: UInt8 = 0, flags: UInt32 = 0, _ content: [UInt8]) -> [UInt8] {
        box(type, [version, UInt8(flags >> 16 & 0xff), UInt8(flags >> 8 & 0xff), UInt8(flags & 0xff)] + content)
    }

    static func u16(_ value: Int) -> [UInt8] { TIFFWriter.u16(UInt16(value), .big) }
    static func u32(_ value: Int) -> [UInt8] { TIFFWriter.u32(UInt32(value), .big) }

    static func infe(_ id: Int, _ type: String, contentType: String? = nil) -> [UInt8] {
        var content = u16(id) + u16(0) + Array(type.utf8) + [0]
        if let contentType { content += Array(contentType.utf8) + [0] }
        return fullBox("infe", version: 2, content)
    }

    /// ftyp (heic, mif1), meta (hdlr pict, pitm, iinf, iref, iprp with hvcC and ispe, iloc) and
    /// mdat holding the coded image (item 1), the Exif item (2) — in two extents when
    /// `splitExif` — and the XMP item (3) when asked.
    static func heic(width: Int = 4032, height: Int = 3024, order: Endianness = .big, gps: Bool = true,
                     xmp: Bool = false, xmpGPS: Bool = false, splitExif: Bool = false, brands: [String] = ["heic", "mif1"]) -> BuiltImage {
        let coded = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
        let exif = u32(6) + Array("Exif".utf8) + [0, 0] + TIFFWriter.cameraExif(order, gps: gps)
        let hasXMP = xmp || xmpGPS
        let packet = XMPWriter.packet(gps: xmpGPS)
        // mdat layout: [exif first half][coded][exif second half][xmp] when split, else [coded][exif][xmp].
        let half = exif.count / 2
        let mdatContent = splitExif
            ? Array(exif[..<half]) + coded + Array(exif[half...]) + (hasXMP ? packet : [])
            : coded + exif + (hasXMP ? packet : [])

        func meta(mdatStart: Int) -> [UInt8] {
            let codedOffset = mdatStart + (splitExif ? half : 0)
            let exifExtents: [(Int, Int)] = splitExif
                ? [(mdatStart, half), (mdatStart + half + coded.count, exif.count - half)]
                : [(mdatStart + coded.count, exif.count)]
            let xmpOffset = mdatStart + coded.count + exif.count
            var locations = u16(1) + u16(0) + u16(1) + u32(codedOffset) + u32(coded.count)
            locations += u16(2) + u16(0) + u16(exifExtents.count) + exifExtents.flatMap { u32($0.0) + u32($0.1) }
            if hasXMP { locations += u16(3) + u16(0) + u16(1) + u32(xmpOffset) + u32(packet.count) }
            var entries = infe(1, "hvc1") + infe(2, "Exif")
            if hasXMP { entries += infe(3, "mime", contentType: "application/rdf+xml") }
            let properties = box("ipco", box("hvcC", [1] + [UInt8](repeating: 0, count: 22))
                + fullBox("ispe", u32(width) + u32(height)))
            let associations = fullBox("ipma", u32(1) + u16(1) + [2, 0x81, 0x02])
            let content = fullBox("hdlr", u32(0) + Array("pict".utf8) + [UInt8](repeating: 0, count: 12) + [0])
                + fullBox("pitm", u16(1))
                + fullBox("iinf", u16(hasXMP ? 3 : 2) + entries)
                + fullBox("iref", box("cdsc", u16(2) + u16(1) + u16(1)))
                + box("iprp", properties + associations)
                + fullBox("iloc", [0x44, 0x00] + u16(hasXMP ? 3 : 2) + locations)
            return fullBox("meta", content)
        }

        let ftyp = box("ftyp", Array(brands[0].utf8) + u32(0) + brands.flatMap { Array($0.utf8) })
        let mdatStart = ftyp.count + meta(mdatStart: 0).count + 8
        let bytes = ftyp + meta(mdatStart: mdatStart) + box("mdat", mdatContent)
        let codedStart = mdatStart + (splitExif ? half : 0)
        var location: [[UInt8]] = gps ? TestPosition.exifBytes(order) : []
        if xmpGPS { location += TestPosition.xmpBytes() }
        return BuiltImage(bytes: bytes, format: ["avif", "avis"].contains(brands[0]) ? .avif : .heic, width: width, height: height,
                          imageData: codedStart..<codedStart + coded.count, locationBytes: location)
    }
}

extension HEICBuilder {
    /// A HEIF whose `iloc` (version 1, every field size 0) declares `items` items of `extents`
    /// extents each, which take no bytes: 65 535 × 65 535 once made an attach take 10 GB and
    /// never finish. About 530 KB at the full size.
    static func ilocBomb(items: Int = 65_535, extents: Int = 65_535) -> [UInt8] {
        let item = u16(0) + u16(0) + u16(0) + u16(extents)  // id, construction method, data reference, extent count
        let properties = box("ipco", fullBox("ispe", u32(64) + u32(48)))
        let content = fullBox("hdlr", u32(0) + Array("pict".utf8) + [UInt8](repeating: 0, count: 12) + [0])
            + fullBox("pitm", u16(1))
            + fullBox("iinf", u16(1) + infe(1, "Exif"))
            + box("iprp", properties + fullBox("ipma", u32(1) + u16(1) + [1, 0x81]))
            + fullBox("iloc", version: 1, [0x00, 0x00] + u16(items) + (0..<items).flatMap { _ in item })
        return box("ftyp", Array("heic".utf8) + u32(0) + Array("mif1heic".utf8)) + fullBox("meta", content) + box("mdat", [1, 2, 3, 4])
    }
}

// MARK: - Helpers


extension Array where Element == UInt8 {
    func contains(bytes pattern: [UInt8]) -> Bool {
        firstOffset(of: pattern, in: 0..<count) != nil
    }

    func offset(of pattern: [UInt8]) -> Int? {
        firstOffset(of: pattern, in: 0..<count)
    }
}

/// Every builder's output (Exif and XMP), with or without GPS, in both byte orders.
func allBuiltImages(gps: Bool) -> [BuiltImage] {
    [Endianness.big, .little].flatMap { order in
        [
            JPEGBuilder.jpeg(order: order, gps: gps, xmp: true, xmpGPS: gps),
            PNGBuilder.png(order: order, gps: gps, xmp: true, xmpGPS: gps),
            WebPBuilder.webp(order: order, gps: gps, xmp: true, xmpGPS: gps),
            HEICBuilder.heic(order: order, gps: gps, xmp: true, xmpGPS: gps),
        ]
    }
}
