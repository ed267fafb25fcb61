import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// GPS is gone after removal, in every format and both Exif byte orders, while the image data
/// stays byte-identical and the file still inspects as the same image; files without location
/// come back untouched; metadata that cannot be cleaned with certainty is refused.
@Suite struct LocationRemoverTests {
    @Test func gpsIsRemovedInPlaceAndTheImageDataIsUntouched() throws {
        for image in allBuiltImages(gps: true) {
            let label = "\(image.format) \(image.bytes.hasBytes(Array("MM".utf8), at: 0))"
            for location in image.locationBytes { #expect(image.bytes.contains(bytes: location), "\(label)") }
            let original = image.bytes
            let result = try LocationRemover.removingLocation(from: image.bytes, format: image.format)
            #expect(result.removedSomething, "\(label)")
            #expect(result.bytes.count == image.bytes.count, "in place: \(label)")
            for location in image.locationBytes { #expect(!result.bytes.contains(bytes: location), "\(label)") }
            #expect(result.bytes[image.imageData] == image.bytes[image.imageData], "\(label)")
            #expect(try ImageInspector.inspect(result.bytes) == image.info, "\(label)")
            #expect(image.bytes == original)
            // What is not location survives: the camera make, the date, the XMP rating.
            #expect(result.bytes.contains(bytes: Array("Territorio\u{0}".utf8)), "\(label)")
            #expect(result.bytes.contains(bytes: Array("2026:11:22 10:30:00".utf8)), "\(label)")
            #expect(result.bytes.contains(bytes: Array("<xmp:Rating>3</xmp:Rating>".utf8)), "\(label)")
            // A second pass finds nothing left.
            let again = try LocationRemover.removingLocation(from: result.bytes, format: image.format)
            #expect(!again.removedSomething, "\(label)")
        }
    }

    @Test func theGPSPointerLeavesIFD0AndTheGPSBlockIsZeroed() throws {
        for order in [Endianness.big, .little] {
            let image = JPEGBuilder.jpeg(order: order)
            let result = try LocationRemover.removingLocation(from: image.bytes, format: .jpeg).bytes
            let tiffStart = try #require(result.offset(of: Array("Exif".utf8) + [0, 0])) + 6
            let tiff = Array(result[tiffStart...])
            let ifd0 = try #require(tiff.integer(at: 4, size: 4, order))
            let count = try #require(tiff.integer(at: ifd0, size: 2, order))
            #expect(count == 3)
            let tags = (0..<count).compactMap { tiff.integer(at: ifd0 + 2 + 12 * $0, size: 2, order) }
            #expect(tags == [0x010f, 0x0112, 0x8769])
            #expect(tiff.integer(at: ifd0 + 2 + 12 * count, size: 4, order) == 0)
            #expect(tiff[(ifd0 + 2 + 12 * count + 4)..<(ifd0 + 2 + 12 * 4 + 4)].allSatisfy { $0 == 0 })
        }
    }

    @Test func imagesWithoutLocationComeBackUnchanged() throws {
        for image in allBuiltImages(gps: false) + [PNGBuilder.png(exif: false), WebPBuilder.webp(exif: false)] {
            let result = try LocationRemover.removingLocation(from: image.bytes, format: image.format)
            #expect(!result.removedSomething, "\(image.format)")
            #expect(result.bytes == image.bytes, "\(image.format)")
        }
        let lossless = WebPBuilder.lossless(width: 3, height: 3)
        #expect(try LocationRemover.removingLocation(from: lossless, format: .webp).removedSomething == false)
    }

    @Test func xmpLocationAloneIsBlanked() throws {
        let images = [
            JPEGBuilder.jpeg(gps: false, xmpGPS: true), PNGBuilder.png(exif: false, xmpGPS: true),
            WebPBuilder.webp(exif: false, xmpGPS: true), HEICBuilder.heic(gps: false, xmpGPS: true),
        ]
        for image in images {
            let result = try LocationRemover.removingLocation(from: image.bytes, format: image.format)
            #expect(result.removedSomething, "\(image.format)")
            #expect(result.bytes.count == image.bytes.count)
            for location in TestPosition.xmpBytes() { #expect(!result.bytes.contains(bytes: location), "\(image.format)") }
            #expect(result.bytes.contains(bytes: Array("exif:GPSLatitude=\"         \"".utf8)), "\(image.format)")
            #expect(result.bytes.contains(bytes: Array("<exif:GPSLongitude>          </exif:GPSLongitude>".utf8)))
        }
    }

    @Test func heicExifSplitOverTwoExtentsIsCleaned() throws {
        for order in [Endianness.big, .little] {
            let image = HEICBuilder.heic(order: order, splitExif: true)
            let result = try LocationRemover.removingLocation(from: image.bytes, format: .heic)
            #expect(result.removedSomething)
            for location in image.locationBytes { #expect(!result.bytes.contains(bytes: location)) }
            #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
            #expect(try ImageInspector.inspect(result.bytes) == image.info)
        }
    }

    @Test func imagesAppendedAfterTheMainJPEGAreCleanedToo() throws {
        let secondary = JPEGBuilder.jpeg(width: 8, height: 6, order: .little)
        let image = JPEGBuilder.jpeg(trailer: secondary.bytes)
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .jpeg)
        for location in image.locationBytes + secondary.locationBytes { #expect(!result.bytes.contains(bytes: location)) }
        #expect(result.bytes.count == image.bytes.count)
        #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
    }

    /// An AVIF is cleaned like a HEIC: its Exif item loses the GPS block, its XMP item the
    /// location values, the coded image stays byte-identical.
    @Test func avifIsCleanedLikeHEIC() throws {
        let image = HEICBuilder.heic(order: .little, xmpGPS: true, brands: ["avif", "mif1", "miaf"])
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .avif)
        #expect(result.removedSomething)
        for location in image.locationBytes { #expect(!result.bytes.contains(bytes: location)) }
        #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
        #expect(try ImageInspector.inspect(result.bytes) == image.info && image.format == .avif)
    }

    /// exiftool writes XMP into a top-level `uuid` box of image sequences: blanked in place too.
    @Test func xmpInATopLevelUUIDBoxIsBlanked() throws {
        let uuid: [UInt8] = [0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]
        let image = HEICBuilder.heic(gps: false, brands: ["avis", "msf1"])
        let bytes = image.bytes + HEICBuilder.box("uuid", uuid + XMPWriter.packet(gps: true))
        let result = try LocationRemover.removingLocation(from: bytes, format: .avif)
        #expect(result.removedSomething && result.bytes.count == bytes.count)
        for location in TestPosition.xmpBytes() {
            #expect(bytes.contains(bytes: location) && !result.bytes.contains(bytes: location))
        }
        #expect(result.bytes[image.imageData] == bytes[image.imageData])
    }

    /// A recent phone's JPEG (Ultra HDR): an MPF index in APP2 and a gain map appended after the
    /// main image, each with its own Exif GPS and XMP location. Neither image keeps a location;
    /// both scans and the MPF index stay byte-identical.
    @Test func aJPEGWithAGainMapKeepsNoLocationInEitherImage() throws {
        let mpf = JPEGBuilder.segment(0xe2, Array("MPF\u{0}".utf8) + [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 2, 0xb0, 0, 0, 7, 0, 0, 0, 4]
                                      + Array("0100".utf8) + [0xb0, 1, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0])
        let gainMapXMP = JPEGBuilder.xmpSegment(Array(#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0"/></rdf:RDF></x:xmpmeta>"#.utf8))
        let gainMap = JPEGBuilder.jpeg(width: 16, height: 12, order: .little, gps: true, xmpGPS: true, extraSegments: gainMapXMP)
        let image = JPEGBuilder.jpeg(width: 64, height: 48, gps: true, xmpGPS: true, extraSegments: mpf, trailer: gainMap.bytes)
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .jpeg)
        #expect(result.removedSomething && result.bytes.count == image.bytes.count)
        for location in image.locationBytes + gainMap.locationBytes { #expect(!result.bytes.contains(bytes: location)) }
        let gainMapStart = image.imageData.upperBound
        #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
        #expect(result.bytes[gainMapStart + gainMap.imageData.lowerBound..<gainMapStart + gainMap.imageData.upperBound]
            == gainMap.bytes[gainMap.imageData])
        #expect(result.bytes.contains(bytes: mpf) && result.bytes.contains(bytes: Array("hdrgm:Version=\"1.0\"".utf8)))
    }

    // MARK: - Dropped chunks

    @Test func pngTextChunksThatMentionALocationAreDropped() throws {
        let comment = PNGBuilder.chunk("tEXt", Array("Comment".utf8) + [0] + Array("GPS 4.598, -74.076".utf8))
        let compressed = PNGBuilder.chunk("zTXt", Array("Description".utf8) + [0, 0, 0x78, 0x9c, 0x03, 0x00])
        let rawExif = PNGBuilder.chunk("tEXt", Array("Raw profile type exif".utf8) + [0] + Array("\nexif\n 4\n45786966\n".utf8))
        let image = PNGBuilder.png(gps: false, extraChunks: comment + compressed + rawExif)
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .png)
        #expect(result.removedSomething)
        #expect(result.bytes.count == image.bytes.count - comment.count - compressed.count - rawExif.count)
        #expect(!result.bytes.contains(bytes: Array("GPS 4.598".utf8)))
        #expect(!result.bytes.contains(bytes: Array("Raw profile".utf8)))
        #expect(result.bytes.contains(bytes: Array(image.bytes[image.imageData])))
        #expect(result.bytes.contains(bytes: Array("Foto de prueba".utf8)))
        #expect(try ImageInspector.inspect(result.bytes) == image.info)
    }

    @Test func unknownWebPChunksWithLocationAreDroppedAndTheRIFFSizeFixed() throws {
        let vendor = WebPBuilder.chunk("ZZZZ", Array("Exif\u{0}\u{0}".utf8) + TIFFWriter.cameraExif(.big, gps: true))
        let image = WebPBuilder.webp(gps: false, extraChunks: vendor)
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .webp)
        #expect(result.removedSomething)
        #expect(result.bytes.count == image.bytes.count - vendor.count)
        #expect(result.bytes.integer(at: 4, size: 4, .little) == result.bytes.count - 8)
        #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
        #expect(try ImageInspector.inspect(result.bytes) == image.info)
    }

    // MARK: - Refused: cannot be sure

    @Test func malformedExifCannotBeCleaned() throws {
        for order in [Endianness.big, .little] {
            // The GPS pointer leads outside the Exif data.
            var image = JPEGBuilder.jpeg(order: order)
            var bytes = image.bytes
            let tiffStart = try #require(bytes.offset(of: Array("Exif".utf8) + [0, 0])) + 6
            let pointerEntry = try #require(bytes.offset(of: TIFFWriter.u16(0x8825, order) + TIFFWriter.u16(4, order)))
            bytes.replaceSubrange(pointerEntry + 8..<pointerEntry + 12, with: TIFFWriter.u32(0x00ff_fff0, order))
            #expect(throws: ImageError.locationNotRemovable(.jpeg, .malformedExif)) {
                try LocationRemover.removingLocation(from: bytes, format: .jpeg)
            }
            // A broken TIFF header.
            bytes = image.bytes
            bytes[tiffStart + 1] = UInt8(ascii: "X")
            #expect(throws: ImageError.locationNotRemovable(.jpeg, .malformedExif)) {
                try LocationRemover.removingLocation(from: bytes, format: .jpeg)
            }
            // A GPS value whose offset runs past the end.
            image = JPEGBuilder.jpeg(order: order)
            bytes = image.bytes
            let latitudeEntry = try #require(bytes.offset(of: TIFFWriter.u16(0x0002, order) + TIFFWriter.u16(5, order)))
            bytes.replaceSubrange(latitudeEntry + 8..<latitudeEntry + 12, with: TIFFWriter.u32(0xffff, order))
            #expect(throws: ImageError.locationNotRemovable(.jpeg, .malformedExif)) {
                try LocationRemover.removingLocation(from: bytes, format: .jpeg)
            }
        }
    }

    @Test func malformedExifInOtherFormatsCannotBeCleaned() throws {
        let brokenTIFF = Array("MMXX".utf8) + [UInt8](repeating: 0, count: 20)
        let png = PNGBuilder.signature + PNGBuilder.header(width: 2, height: 2) + PNGBuilder.chunk("eXIf", brokenTIFF)
            + PNGBuilder.chunk("IDAT", PNGBuilder.imageData(width: 2, height: 2)) + PNGBuilder.chunk("IEND", [])
        #expect(throws: ImageError.locationNotRemovable(.png, .malformedExif)) {
            try LocationRemover.removingLocation(from: png, format: .png)
        }
        let webp = WebPBuilder.riff(WebPBuilder.chunk("VP8X", [0x08, 0, 0, 0, 1, 0, 0, 1, 0, 0])
            + WebPBuilder.chunk("VP8 ", WebPBuilder.vp8Data(width: 2, height: 2)) + WebPBuilder.chunk("EXIF", brokenTIFF))
        #expect(throws: ImageError.locationNotRemovable(.webp, .malformedExif)) {
            try LocationRemover.removingLocation(from: webp, format: .webp)
        }
        var heic = HEICBuilder.heic(order: .little).bytes
        let tiffStart = try #require(heic.offset(of: Array("Exif".utf8) + [0, 0, 0x49, 0x49])) + 6
        heic[tiffStart] = 0
        #expect(throws: ImageError.locationNotRemovable(.heic, .malformedExif)) {
            try LocationRemover.removingLocation(from: heic, format: .heic)
        }
    }

    @Test func malformedXMPCannotBeCleaned() {
        let broken = Array("<x:xmpmeta><rdf:Description exif:GPSLatitude=\"4,35.885N></x:xmpmeta>".utf8)
        let image = [0xff, 0xd8] + JPEGBuilder.xmpSegment(broken) + Array(JPEGBuilder.jpeg(gps: false).bytes.dropFirst(2))
        #expect(throws: ImageError.locationNotRemovable(.jpeg, .malformedXMP)) {
            try LocationRemover.removingLocation(from: image, format: .jpeg)
        }
        let unclosed = Array("<x:xmpmeta><exif:GPSLatitude>4,35.885N</x:xmpmeta>".utf8)
        let png = PNGBuilder.png(gps: false, extraChunks: PNGBuilder.xmpChunk(unclosed))
        #expect(throws: ImageError.locationNotRemovable(.png, .malformedXMP)) {
            try LocationRemover.removingLocation(from: png.bytes, format: .png)
        }
    }

    @Test func unknownJPEGMetadataThatMentionsALocationIsRefused() {
        let vendor = JPEGBuilder.segment(0xeb, Array("JP\u{0}\u{0}{\"exif:GPSLatitude\": 4.598}".utf8))
        let image = JPEGBuilder.jpeg(gps: false, extraSegments: vendor)
        #expect(throws: ImageError.locationNotRemovable(.jpeg, .unknownMetadata(part: "APP11"))) {
            try LocationRemover.removingLocation(from: image.bytes, format: .jpeg)
        }
        let trailer = JPEGBuilder.jpeg(gps: false, trailer: Array("latitude=4.598".utf8))
        #expect(throws: ImageError.locationNotRemovable(.jpeg, .unknownMetadata(part: "datos después del fin de la imagen"))) {
            try LocationRemover.removingLocation(from: trailer.bytes, format: .jpeg)
        }
        let message = ImageError.locationNotRemovable(.jpeg, .unknownMetadata(part: "APP11")).message
        #expect(message.contains("no se adjuntó"))
        #expect(message.contains("APP11"))
    }

    @Test func aFormatThatDoesNotMatchTheContentIsRefused() {
        #expect(throws: ImageError.locationNotRemovable(.png, .notVerified)) {
            try LocationRemover.removingLocation(from: JPEGBuilder.jpeg().bytes, format: .png)
        }
        #expect(throws: ImageError.notAnImage(.pdf)) {
            try LocationRemover.removingLocation(from: Array("%PDF-1.7\n".utf8), format: .jpeg)
        }
    }

    // MARK: - Size

    /// The limit for one attachment is 15 MiB: one that large is checked and cleaned whole.
    @Test func aFifteenMebibyteJPEGIsCheckedAndCleaned() throws {
        let image = JPEGBuilder.jpeg(width: 6000, height: 4000, order: .little, xmpGPS: true, scanBytes: 15 * 1_048_576 - 4096)
        _ = try ImageInspector.inspect(image.bytes)
        let result = try LocationRemover.removingLocation(from: image.bytes, format: .jpeg)
        #expect(result.removedSomething)
        #expect(result.bytes[image.imageData] == image.bytes[image.imageData])
    }
}
