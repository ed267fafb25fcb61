import Foundation

/// The format and size of an image file, read from only the bytes that hold them: the first
/// block, then a JPEG's segments or a HEIF's top-level boxes followed by their lengths. Listing
/// a folder of photos reads a few kilobytes per file instead of megabytes. Unlike
/// `ImageInspector` it does not check that the file is whole: a photo is inspected in full when
/// it is attached.
public enum ImageHeader {
    /// The first read: enough for the signature, a PNG's IHDR, a WebP's first chunk and the
    /// `ftyp` brands of a HEIF.
    private static let firstBlock = 4_096
    /// A JPEG's segments or a HEIF's boxes followed before giving up.
    private static let maximumSteps = 64
    /// The largest HEIF `meta` box read (it usually takes a few kilobytes).
    private static let maximumMeta = 1_048_576

    /// The format and size of the regular file at `path`, or nil when it is not an accepted
    /// image, or cannot be read. Never blocks on a FIFO or device.
    public static func info(ofFileAt path: String) -> ImageInfo? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let file = File(descriptor: descriptor, size: Int(status.st_size))
        let head = file.bytes(at: 0, count: firstBlock)
        guard let format = try? ImageInspector.format(of: head) else { return nil }
        let size: (width: Int, height: Int)? = switch format {
        case .png: pngSize(head)
        case .webp: webpSize(head)
        case .jpeg: jpegSize(file)
        case .heic, .avif: heifSize(file)
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return ImageInfo(format: format, width: size.width, height: size.height)
    }

    /// IHDR is always the first chunk, right after the signature.
    private static func pngSize(_ head: [UInt8]) -> (width: Int, height: Int)? {
        guard head.fourCC(at: 12) == "IHDR", let width = head.integer(at: 16, size: 4, .big),
              let height = head.integer(at: 20, size: 4, .big)
        else { return nil }
        return (width, height)
    }

    /// The size is in the first chunk (VP8, VP8L or VP8X), right after the RIFF header.
    private static func webpSize(_ head: [UInt8]) -> (width: Int, height: Int)? {
        guard let fourCC = head.fourCC(at: 12), let length = head.integer(at: 16, size: 4, .little) else { return nil }
        let data = 20..<min(head.count, 20 + length)
        return switch fourCC {
        case "VP8 ": WebPStructure.lossySize(head, data)
        case "VP8L": WebPStructure.losslessSize(head, data)
        case "VP8X": WebPStructure.canvasSize(head, data)
        default: nil
        }
    }

    /// Follows the marker segments by their lengths (skipping Exif, XMP and colour profiles
    /// unread) to the first frame header.
    private static func jpegSize(_ file: File) -> (width: Int, height: Int)? {
        var offset = 2
        for _ in 0..<maximumSteps {
            let header = file.bytes(at: offset, count: 9)
            guard header.count >= 4, header[0] == 0xff else { return nil }
            let marker = header[1]
            switch marker {
            case 0xff:
                offset += 1  // a fill byte before the marker
                continue
            case 0x01, 0xd0...0xd7:
                offset += 2  // a marker without a length
                continue
            default:
                break
            }
            guard marker != 0xda, marker != 0xd9, let length = header.integer(at: 2, size: 2, .big), length >= 2 else {
                return nil
            }
            if JPEGStructure.isStartOfFrame(marker) {
                guard let height = header.integer(at: 5, size: 2, .big), let width = header.integer(at: 7, size: 2, .big) else {
                    return nil
                }
                return (width, height)
            }
            offset += 2 + length
        }
        return nil
    }

    /// Follows the top-level boxes to `meta`, reads it alone and takes the primary item's `ispe`.
    private static func heifSize(_ file: File) -> (width: Int, height: Int)? {
        var offset = 0
        for _ in 0..<maximumSteps {
            let header = file.bytes(at: offset, count: 16)
            guard let compactSize = header.integer(at: 0, size: 4, .big), let type = header.fourCC(at: 4) else { return nil }
            var size = compactSize
            if compactSize == 1 {
                guard let largeSize = header.integer(at: 8, size: 8, .big) else { return nil }
                size = largeSize
            } else if compactSize == 0 {
                size = file.size - offset
            }
            // A box claiming more than the file holds ends the walk (and can never overflow it).
            guard size >= 8, size <= file.size - offset else { return nil }
            if type == "meta" {
                guard size <= maximumMeta else { return nil }
                let meta = file.bytes(at: offset, count: size)
                let contentStart = (compactSize == 1 ? 16 : 8) + 4  // past the header and the full-box fields
                guard meta.count == size, contentStart <= size,
                      let children = try? HEIFStructure.boxes(meta, in: contentStart..<size),
                      let primaryID = try? HEIFStructure.primaryItem(meta, metaChildren: children),
                      let properties = children.first(where: { $0.type == "iprp" })
                else { return nil }
                return (try? HEIFStructure.primarySize(meta, properties, primaryID: primaryID)) ?? nil
            }
            offset += size
        }
        return nil
    }

    /// Reads at offsets of an open file, without moving or sharing a position.
    private struct File {
        let descriptor: Int32
        let size: Int

        /// Up to `count` bytes at `offset`: fewer at the end of the file or on a read error.
        func bytes(at offset: Int, count: Int) -> [UInt8] {
            guard offset >= 0, offset < size, count > 0 else { return [] }
            var bytes = [UInt8](repeating: 0, count: min(count, size - offset))
            var total = 0
            while total < bytes.count {
                let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + total, $0.count - total, off_t(offset + total)) }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                total += read
            }
            return Array(bytes.prefix(total))
        }
    }
}
