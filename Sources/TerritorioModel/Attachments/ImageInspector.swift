/// Checks that a file really is an accepted image and reads its size. The format comes from the
/// content, never from the name, so a `.jpg` that is really a PDF is refused; the structure is
/// walked to the end, so a file cut short while copying is refused before it is stored and sent.
public enum ImageInspector {
    /// The format and dimensions of `bytes`; throws `ImageError` with the reason the file cannot
    /// be an attachment. The size limit (`AttachmentLimits`) is the caller's to apply first.
    public static func inspect(_ bytes: [UInt8]) throws -> ImageInfo {
        let format = try format(of: bytes)
        let size: (width: Int, height: Int) = switch format {
        case .jpeg: try JPEGStructure(bytes).size
        case .png: try PNGStructure(bytes).size
        case .webp: try WebPStructure(bytes).size
        case .heic: try HEIFStructure(bytes).size
        case .avif: try ImageError.naming(.avif) { try HEIFStructure(bytes).size }
        }
        return ImageInfo(format: format, width: size.width, height: size.height)
    }

    /// The accepted format `bytes` start with, or what else they look like.
    static func format(of bytes: [UInt8]) throws -> ImageFormat {
        guard !bytes.isEmpty else { throw ImageError.empty }
        if bytes.hasBytes([0xff, 0xd8, 0xff], at: 0) { return .jpeg }
        if bytes.hasBytes(pngSignature, at: 0) { return .png }
        if bytes.hasBytes(riff, at: 0), bytes.hasBytes(webp, at: 8) { return .webp }
        if bytes.fourCC(at: 4) == "ftyp" {
            let brands = ftypBrands(bytes)
            if avifBrands.contains(brands.major) { return .avif }
            if !heifBrands.isDisjoint(with: brands.all) { return .heic }
            if !avifBrands.isDisjoint(with: brands.all) { return .avif }
            throw ImageError.notAnImage(.unknown)
        }
        if let cutFormat = formatCutInsideSignature(bytes) {
            throw ImageError.damaged(cutFormat, .cutShort)
        }
        throw ImageError.notAnImage(foreignContent(of: bytes))
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
    private static let riff = Array("RIFF".utf8)
    private static let webp = Array("WEBP".utf8)
    private static let heifBrands: Set = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]
    private static let avifBrands: Set = ["avif", "avis"]

    /// The major brand and every brand (major and compatible) of an ISO media file's `ftyp` box.
    private static func ftypBrands(_ bytes: [UInt8]) -> (major: String, all: Set<String>) {
        let major = bytes.fourCC(at: 8) ?? ""
        var all: Set = [major]
        let boxEnd = min(bytes.integer(at: 0, size: 4, .big) ?? 0, bytes.count)
        var offset = 16
        while offset + 4 <= boxEnd, let brand = bytes.fourCC(at: offset) {
            all.insert(brand)
            offset += 4
        }
        return (major, all)
    }

    /// The format of a file too short to hold even its signature, when what is there matches it.
    private static func formatCutInsideSignature(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.count >= 2, bytes.count < 3, bytes.hasBytes([0xff, 0xd8], at: 0) { return .jpeg }
        if bytes.count >= 2, bytes.count < pngSignature.count, pngSignature.starts(with: bytes) { return .png }
        if bytes.count < 12, bytes.hasBytes(riff, at: 0), webp.starts(with: bytes.dropFirst(8)) { return .webp }
        return nil
    }

    /// What a file that is not an accepted image looks like, to tell the gestor.
    private static func foreignContent(of bytes: [UInt8]) -> ImageError.ForeignContent {
        let head = Array(bytes.prefix(1024))
        if head.firstOffset(of: Array("%PDF-".utf8), in: 0..<head.count) != nil { return .pdf }
        if bytes.hasBytes([0x50, 0x4b, 0x03, 0x04], at: 0) || bytes.hasBytes([0x50, 0x4b, 0x05, 0x06], at: 0) {
            return .zip
        }
        if bytes.hasBytes(Array("GIF87a".utf8), at: 0) || bytes.hasBytes(Array("GIF89a".utf8), at: 0) { return .gif }
        if bytes.hasBytes(Array("BM".utf8), at: 0), bytes.count >= 26 { return .bmp }
        if bytes.hasBytes([0x49, 0x49, 0x2a, 0x00], at: 0) || bytes.hasBytes([0x4d, 0x4d, 0x00, 0x2a], at: 0) {
            return .tiff
        }
        let sample = bytes.prefix(4096)
        let looksLikeText = sample.allSatisfy { $0 >= 0x20 && $0 != 0x7f || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d || $0 == 0x0c }
        return looksLikeText ? .text : .unknown
    }
}
