import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// Formats are recognised by content with the right size; anything else — other kinds of file,
/// files cut short or damaged — is refused with a reason, and hostile bytes never crash.
@Suite struct ImageInspectorTests {
    // MARK: - Accepted formats

    @Test func everyBuiltImageIsRecognisedWithItsSize() throws {
        for image in allBuiltImages(gps: true) + allBuiltImages(gps: false) {
            #expect(try ImageInspector.inspect(image.bytes) == image.info, "\(image.format)")
        }
    }

    @Test func jpegSizeComesFromTheFrameHeader() throws {
        let image = JPEGBuilder.jpeg(width: 4000, height: 3000, order: .little)
        #expect(try ImageInspector.inspect(image.bytes) == ImageInfo(format: .jpeg, width: 4000, height: 3000))
    }

    @Test func aProgressiveJPEGWithSeveralScansIsWalkedToItsEnd() throws {
        let image = JPEGBuilder.jpeg(width: 30, height: 20)
        let secondScan = JPEGBuilder.segment(0xc4, [0x10, 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] + (0...11).map { UInt8($0) })
            + JPEGBuilder.segment(0xda, [1, 1, 0x00, 1, 63, 0x10]) + JPEGBuilder.scanData(count: 300, seed: 9)
        let progressive = Array(image.bytes.dropLast(2)) + secondScan + [0xff, 0xd9]
        #expect(try ImageInspector.inspect(progressive) == image.info)
        #expect(throws: ImageError.damaged(.jpeg, .jpegMissingEndMarker)) {
            try ImageInspector.inspect(Array(progressive.dropLast(2)))
        }
        let cleaned = try LocationRemover.removingLocation(from: progressive, format: .jpeg).bytes
        #expect(cleaned[image.imageData.lowerBound...] == progressive[image.imageData.lowerBound...])
    }

    @Test func pngSizeComesFromIHDR() throws {
        let image = PNGBuilder.png(width: 7, height: 2, exif: false)
        #expect(try ImageInspector.inspect(image.bytes) == ImageInfo(format: .png, width: 7, height: 2))
    }

    @Test func webpSizeComesFromVP8VP8LOrVP8X() throws {
        #expect(try ImageInspector.inspect(WebPBuilder.simpleLossy(width: 320, height: 240))
            == ImageInfo(format: .webp, width: 320, height: 240))
        #expect(try ImageInspector.inspect(WebPBuilder.lossless(width: 1, height: 16384))
            == ImageInfo(format: .webp, width: 1, height: 16384))
        #expect(try ImageInspector.inspect(WebPBuilder.webp(width: 5000, height: 20).bytes)
            == ImageInfo(format: .webp, width: 5000, height: 20))
    }

    @Test func heicSizeComesFromThePrimaryItemsIspe() throws {
        let image = HEICBuilder.heic(width: 3024, height: 4032)
        #expect(try ImageInspector.inspect(image.bytes) == ImageInfo(format: .heic, width: 3024, height: 4032))
        let heif = HEICBuilder.heic(brands: ["mif1", "miaf"])
        #expect(try ImageInspector.inspect(heif.bytes).format == .heic)
    }

    @Test func theFormatComesFromTheContentNotTheName() throws {
        // A PNG is a PNG whatever it is called: the inspector never sees a name.
        #expect(try ImageInspector.inspect(PNGBuilder.png().bytes).format == .png)
        #expect(ImageFormat.heic.displayName == "imagen HEIC/HEIF")
        #expect(ImageFormat(rawValue: "jpeg") == .jpeg)
    }

    // MARK: - Other kinds of file

    @Test func aRenamedPDFIsRefusedAsPDF() {
        let pdf = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n".utf8)
        #expect(throws: ImageError.notAnImage(.pdf)) { try ImageInspector.inspect(pdf) }
        #expect(ImageError.notAnImage(.pdf).message.contains("PDF"))
    }

    @Test func otherFilesAreNamedWhenRecognisable() {
        let zip: [UInt8] = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] + [UInt8](repeating: 7, count: 40)
        #expect(throws: ImageError.notAnImage(.zip)) { try ImageInspector.inspect(zip) }
        #expect(throws: ImageError.notAnImage(.text)) {
            try ImageInspector.inspect(Array("Hola, esto es una nota.\nNo es una foto.\n".utf8))
        }
        #expect(throws: ImageError.notAnImage(.gif)) { try ImageInspector.inspect(Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]) }
        #expect(throws: ImageError.notAnImage(.tiff)) { try ImageInspector.inspect(TIFFWriter.cameraExif(.little, gps: false)) }
    }

    /// AVIF is HEIF's box structure around an AV1 image: recognised by its brand, whether it is
    /// the major one or only compatible, and its damage named as AVIF's.
    @Test func avifIsRecognisedByItsBrand() throws {
        for brands in [["avif", "mif1", "miaf"], ["mif1", "avif"], ["avis", "msf1"]] {
            #expect(try ImageInspector.inspect(HEICBuilder.heic(width: 640, height: 480, brands: brands).bytes)
                == ImageInfo(format: brands[0] == "mif1" ? .heic : .avif, width: 640, height: 480), "\(brands)")
        }
        let cut = HEICBuilder.heic(brands: ["avif", "mif1"]).bytes.dropLast(40)
        #expect(throws: ImageError.damaged(.avif, .runsPastEnd(part: "mdat"))) { try ImageInspector.inspect(Array(cut)) }
    }

    /// 65 535 items × 65 535 extents that take no bytes of the box: refused from the box's size,
    /// before anything grows (it once took 10 GB); fewer such extents are refused the same way.
    @Test func anILOCDeclaringMoreExtentsThanItHoldsIsRefused() {
        let refusal = ImageError.damaged(.heic, .invalidStructure(detail: "la caja iloc declara más fragmentos de los que caben en ella"))
        #expect(throws: refusal) { try ImageInspector.inspect(HEICBuilder.ilocBomb()) }
        #expect(throws: refusal) { try LocationRemover.removingLocation(from: HEICBuilder.ilocBomb(items: 3, extents: 2), format: .heic) }
        #expect(throws: Never.self) { try ImageInspector.inspect(HEICBuilder.ilocBomb(items: 3, extents: 1)) }
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: ImageError.empty) { try ImageInspector.inspect([]) }
        #expect(ImageError.empty.message.contains("vacío"))
    }

    @Test func randomGarbageIsNotAnImage() {
        var generator = SeededRandom(seed: 42)
        let garbage = [0x00, 0x01] + (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ImageError.notAnImage(.unknown)) { try ImageInspector.inspect(garbage) }
    }

    // MARK: - Cut short or damaged

    @Test func aJPEGCutBeforeItsEndMarkerIsRefused() throws {
        let image = JPEGBuilder.jpeg()
        #expect(throws: ImageError.damaged(.jpeg, .jpegMissingEndMarker)) {
            try ImageInspector.inspect(Array(image.bytes.dropLast(2)))
        }
        let midScan = image.imageData.lowerBound + image.imageData.count / 3
        #expect(throws: ImageError.damaged(.jpeg, .jpegMissingEndMarker)) {
            try ImageInspector.inspect(Array(image.bytes[..<midScan]))
        }
        #expect(ImageError.damaged(.jpeg, .jpegMissingEndMarker).message.contains("EOI"))
    }

    @Test func aJPEGCutInsideItsHeaderIsRefused() {
        let image = JPEGBuilder.jpeg()
        #expect(throws: ImageError.damaged(.jpeg, .runsPastEnd(part: "APP1"))) {
            try ImageInspector.inspect(Array(image.bytes[..<40]))
        }
        #expect(throws: ImageError.damaged(.jpeg, .cutShort)) { try ImageInspector.inspect([0xff, 0xd8]) }
        #expect(throws: ImageError.damaged(.jpeg, .cutShort)) { try ImageInspector.inspect([0xff, 0xd8, 0xff]) }
    }

    @Test func aJPEGWithoutScanOrSizeIsRefused() {
        let headerOnly: [UInt8] = [0xff, 0xd8] + JPEGBuilder.segment(0xdb, [0] + [UInt8](repeating: 1, count: 64)) + [0xff, 0xd9]
        #expect(throws: ImageError.damaged(.jpeg, .jpegMissingScan)) { try ImageInspector.inspect(headerOnly) }
        let zeroHeight = JPEGBuilder.jpeg(width: 10, height: 0)
        #expect(throws: ImageError.missingDimensions(.jpeg)) { try ImageInspector.inspect(zeroHeight.bytes) }
    }

    @Test func aPNGWithoutIENDIsRefused() {
        let image = PNGBuilder.png()
        #expect(throws: ImageError.damaged(.png, .pngMissingEnd)) {
            try ImageInspector.inspect(Array(image.bytes.dropLast(12)))
        }
        #expect(throws: ImageError.damaged(.png, .runsPastEnd(part: "IDAT"))) {
            try ImageInspector.inspect(Array(image.bytes[..<(image.imageData.lowerBound + 20)]))
        }
        #expect(ImageError.damaged(.png, .pngMissingEnd).message.contains("IEND"))
    }

    @Test func aPNGWithABadCRCIsRefused() {
        var bytes = PNGBuilder.png().bytes
        let idat = PNGBuilder.png().imageData
        bytes[idat.lowerBound + 12] ^= 0x01
        #expect(throws: ImageError.damaged(.png, .pngChecksumMismatch(chunk: "IDAT"))) { try ImageInspector.inspect(bytes) }
        #expect(ImageError.damaged(.png, .pngChecksumMismatch(chunk: "IDAT")).message.contains("CRC"))
    }

    @Test func aPNGWithoutImageDataOrSizeIsRefused() {
        let noData = PNGBuilder.signature + PNGBuilder.header(width: 2, height: 2) + PNGBuilder.chunk("IEND", [])
        #expect(throws: ImageError.damaged(.png, .missingImageData)) { try ImageInspector.inspect(noData) }
        let zeroWidth = PNGBuilder.signature + PNGBuilder.header(width: 0, height: 2)
            + PNGBuilder.chunk("IDAT", PNGBuilder.imageData(width: 1, height: 1)) + PNGBuilder.chunk("IEND", [])
        #expect(throws: ImageError.missingDimensions(.png)) { try ImageInspector.inspect(zeroWidth) }
        #expect(throws: ImageError.damaged(.png, .cutShort)) { try ImageInspector.inspect(Array(PNGStructure.signature.prefix(5))) }
    }

    @Test func aCutWebPIsRefused() {
        let image = WebPBuilder.webp()
        #expect(throws: ImageError.damaged(.webp, .runsPastEnd(part: "RIFF"))) {
            try ImageInspector.inspect(Array(image.bytes.dropLast(7)))
        }
        #expect(throws: ImageError.damaged(.webp, .cutShort)) { try ImageInspector.inspect(Array(image.bytes.prefix(10))) }
        let noImage = WebPBuilder.riff(WebPBuilder.chunk("VP8X", [0, 0, 0, 0, 9, 0, 0, 9, 0, 0]))
        #expect(throws: ImageError.damaged(.webp, .missingImageData)) { try ImageInspector.inspect(noImage) }
    }

    @Test func aCutHEICIsRefused() {
        let image = HEICBuilder.heic()
        #expect(throws: ImageError.damaged(.heic, .runsPastEnd(part: "mdat"))) {
            try ImageInspector.inspect(Array(image.bytes.dropLast(100)))
        }
        let metaCut = image.bytes.offset(of: Array("iprp".utf8)) ?? 0
        #expect(throws: ImageError.damaged(.heic, .runsPastEnd(part: "meta"))) {
            try ImageInspector.inspect(Array(image.bytes[..<metaCut]))
        }
    }

    @Test func messagesAreSpanishAndSayWhatToDo() {
        let errors: [ImageError] = [
            .empty, .notAnImage(.zip), .notAnImage(.unknown), .damaged(.heic, .runsPastEnd(part: "mdat")),
            .damaged(.webp, .invalidStructure(detail: "falta el encabezado VP8, VP8L o VP8X")), .missingDimensions(.webp),
            .locationNotRemovable(.jpeg, .malformedExif),
        ]
        for error in errors { #expect(!error.message.isEmpty) }
        #expect(ImageError.damaged(.heic, .runsPastEnd(part: "mdat")).message.contains("la caja «mdat»"))
        #expect(ImageError.notAnImage(.zip).message.contains("JPEG, PNG, WebP, HEIC/HEIF o AVIF"))
    }

    // MARK: - Hostile input

    /// Thousands of random mutations and truncations of every builder's output: errors are
    /// fine, crashes and out-of-range reads are not (both would stop this test).
    @Test func mutatedImagesNeverCrashTheInspectorOrTheRemover() {
        var generator = SeededRandom(seed: 2026)
        var accepted = 0
        for image in allBuiltImages(gps: true) + [JPEGBuilder.jpeg(order: .little, xmp: true, scanBytes: 40)] {
            for round in 0..<1000 {
                var bytes = image.bytes
                switch round % 4 {
                case 0:
                    bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
                case 1:
                    for _ in 0..<Int.random(in: 1...8, using: &generator) {
                        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                    }
                case 2:
                    // Overwrite a 4-byte field with an extreme value (sizes, offsets, counts).
                    let at = Int.random(in: 0..<bytes.count - 4, using: &generator)
                    let value: [UInt8] = [[0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0x7f, 0xff, 0xff, 0xf0], [0, 0, 0, 1]]
                        .randomElement(using: &generator) ?? []
                    bytes.replaceSubrange(at..<at + 4, with: value)
                default:
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    if Bool.random(using: &generator) {
                        bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &generator)))
                    } else {
                        bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: at)
                    }
                }
                if let info = try? ImageInspector.inspect(bytes) {
                    accepted += 1
                    _ = try? LocationRemover.removingLocation(from: bytes, format: info.format)
                }
                for format in ImageFormat.allCases { _ = try? LocationRemover.removingLocation(from: bytes, format: format) }
            }
        }
        #expect(accepted > 0)
    }

    /// Random damage aimed at the Exif and XMP data only, so that the container stays valid and
    /// the location remover has to cope with hostile offsets, counts and text.
    @Test func mutatedMetadataNeverCrashesTheRemover() {
        var generator = SeededRandom(seed: 1538)
        var outcomes: [String: Int] = [:]
        for image in allBuiltImages(gps: true) {
            guard let start = image.bytes.offset(of: Array("MM\u{0}*".utf8)) ?? image.bytes.offset(of: Array("II*\u{0}".utf8)),
                  let end = image.bytes.offset(of: Array("</x:xmpmeta>".utf8))
            else { continue }
            let metadata = start..<max(start + 200, end)
            for _ in 0..<1000 {
                var bytes = image.bytes
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let at = Int.random(in: metadata, using: &generator)
                    bytes[at] = [0x00, 0xff, 0x01, 0x7f, UInt8.random(in: 0...255, using: &generator)]
                        .randomElement(using: &generator) ?? 0
                }
                if image.format == .png { bytes = fixingPNGChecksums(bytes) }
                do {
                    _ = try LocationRemover.removingLocation(from: bytes, format: image.format)
                    outcomes["cleaned", default: 0] += 1
                } catch let error as ImageError {
                    outcomes["\(error)".prefix(while: { $0 != "(" }).description, default: 0] += 1
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
        }
        #expect(outcomes["cleaned", default: 0] > 0)
        #expect(outcomes["locationNotRemovable", default: 0] > 0)
    }

    /// `bytes` with every PNG chunk's CRC recomputed, so that damage inside a chunk reaches the remover.
    private func fixingPNGChecksums(_ bytes: [UInt8]) -> [UInt8] {
        var fixed = bytes
        var offset = PNGStructure.signature.count
        while let length = fixed.integer(at: offset, size: 4, .big), offset + 12 + length <= fixed.count {
            let crc = PNGBuilder.crc32(Array(fixed[offset + 4..<offset + 8 + length]))
            fixed.replaceSubrange(offset + 8 + length..<offset + 12 + length, with: TIFFWriter.u32(crc, .big))
            offset += 12 + length
        }
        return fixed
    }
}
