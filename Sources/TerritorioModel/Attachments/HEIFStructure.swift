/// The boxes of a HEIC/HEIF file and the items its `meta` box describes: enough to read the
/// primary image's size (its `ispe` property) and to find the Exif and XMP items. Every box and
/// every item extent must lie inside the file, so a file cut short is refused.
struct HEIFStructure {
    /// One ISO base media box: `content` is what follows its header.
    struct Box {
        let type: String
        let content: Range<Int>
    }

    /// An item of the `meta` box: its type (`hvc1`, `grid`, `Exif`, `mime`, …) and where its bytes are.
    struct Item {
        let id: Int
        let type: String
        /// For `mime` items: the media type (`application/rdf+xml` is XMP) and content encoding.
        let contentType: String
        let contentEncoding: String
        /// The file ranges holding the item's bytes in order, or nil when they are not stored
        /// directly in this file (built from other items, or in another file).
        let extents: [Range<Int>]?
    }

    let topLevel: [Box]
    let metaChildren: [Box]
    let items: [Item]
    let size: (width: Int, height: Int)

    init(_ bytes: [UInt8]) throws {
        let topLevel = try Self.boxes(bytes, in: 0..<bytes.count)
        guard topLevel.first?.type == "ftyp" else { throw Self.invalid("no empieza con la caja ftyp") }
        let metas = topLevel.filter { $0.type == "meta" }
        guard metas.count == 1, let meta = metas.first, meta.content.count >= 4 else {
            throw Self.invalid("debe tener exactamente una caja meta")
        }
        let children = try Self.boxes(bytes, in: meta.content.lowerBound + 4..<meta.content.upperBound)
        let primaryID = try Self.primaryItem(bytes, metaChildren: children)
        let idat = children.first { $0.type == "idat" }
        let locations = try children.first { $0.type == "iloc" }.map { try Self.locations(bytes, $0, idat: idat) } ?? [:]
        let items = try children.first { $0.type == "iinf" }.map { try Self.items(bytes, $0, locations: locations) } ?? []
        guard let properties = children.first(where: { $0.type == "iprp" }),
              let size = try Self.primarySize(bytes, properties, primaryID: primaryID)
        else { throw ImageError.missingDimensions(.heic) }
        self.topLevel = topLevel
        self.metaChildren = children
        self.items = items
        self.size = size
    }

    /// The id of the primary image item, from the boxes inside `meta`; throws unless the file
    /// declares holding a picture (`hdlr` of type `pict`) and names its primary item (`pitm`).
    static func primaryItem(_ bytes: [UInt8], metaChildren children: [Box]) throws -> Int {
        guard let handler = children.first(where: { $0.type == "hdlr" }), handler.content.count >= 12,
              bytes.fourCC(at: handler.content.lowerBound + 8) == "pict"
        else { throw Self.invalid("no declara contener una imagen (falta el manejador pict)") }
        guard let primaryBox = children.first(where: { $0.type == "pitm" }) else {
            throw Self.invalid("no indica cuál es la imagen principal (falta pitm)")
        }
        var primaryCursor = Cursor(bytes, primaryBox, skippingFullBoxHeader: true)
        return try primaryCursor.read(primaryCursor.version == 0 ? 2 : 4)
    }

    /// The boxes one after another in `range`; a box that does not fit is a file cut short.
    static func boxes(_ bytes: [UInt8], in range: Range<Int>) throws -> [Box] {
        var boxes: [Box] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard offset + 8 <= range.upperBound, let compactSize = bytes.integer(at: offset, size: 4, .big),
                  let type = bytes.fourCC(at: offset + 4)
            else { throw ImageError.damaged(.heic, .cutShort) }
            var headerSize = 8
            var size = compactSize
            if compactSize == 1 {
                guard let largeSize = bytes.integer(at: offset + 8, size: 8, .big) else {
                    throw ImageError.damaged(.heic, .runsPastEnd(part: type))
                }
                headerSize = 16
                size = largeSize
            } else if compactSize == 0 {
                size = range.upperBound - offset
            }
            guard size >= headerSize else { throw Self.invalid("la caja «\(type)» tiene una longitud imposible") }
            guard size <= range.upperBound - offset else { throw ImageError.damaged(.heic, .runsPastEnd(part: type)) }
            boxes.append(Box(type: type, content: offset + headerSize..<offset + size))
            offset += size
        }
        return boxes
    }

    /// The item types and content types listed by `iinf` (item info entries of version 2 and 3).
    private static func items(_ bytes: [UInt8], _ iinf: Box, locations: [Int: [Range<Int>]?]) throws -> [Item] {
        var cursor = Cursor(bytes, iinf, skippingFullBoxHeader: true)
        cursor.offset += cursor.version == 0 ? 2 : 4
        var items: [Item] = []
        for entry in try boxes(bytes, in: cursor.offset..<iinf.content.upperBound) where entry.type == "infe" {
            var reader = Cursor(bytes, entry, skippingFullBoxHeader: true)
            guard reader.version >= 2 else { continue }
            let id = try reader.read(reader.version == 2 ? 2 : 4)
            reader.offset += 2
            let type = try reader.fourCC()
            _ = reader.cString()
            let contentType = type == "mime" ? reader.cString() : ""
            let contentEncoding = type == "mime" ? reader.cString() : ""
            // An item missing from iloc has no bytes of its own (a derived image).
            let extents: [Range<Int>]? = if let located = locations[id] { located } else { [] }
            items.append(Item(id: id, type: type, contentType: contentType, contentEncoding: contentEncoding, extents: extents))
        }
        return items
    }

    /// Where each item's bytes are, from `iloc` (versions 0 to 2). Extents stored in the file
    /// (construction method 0) or in `idat` (method 1) must lie inside it.
    private static func locations(_ bytes: [UInt8], _ iloc: Box, idat: Box?) throws -> [Int: [Range<Int>]?] {
        var cursor = Cursor(bytes, iloc, skippingFullBoxHeader: true)
        let version = cursor.version
        guard version <= 2 else { throw invalid("la caja iloc tiene una versión desconocida") }
        let sizes = try cursor.read(1), moreSizes = try cursor.read(1)
        let offsetSize = sizes >> 4, lengthSize = sizes & 0xf, baseOffsetSize = moreSizes >> 4
        let indexSize = version >= 1 ? moreSizes & 0xf : 0
        guard [offsetSize, lengthSize, baseOffsetSize, indexSize].allSatisfy({ [0, 4, 8].contains($0) }) else {
            throw invalid("la caja iloc usa tamaños de campo imposibles")
        }
        var locations: [Int: [Range<Int>]?] = [:]
        let itemCount = try cursor.read(version < 2 ? 2 : 4)
        for _ in 0..<itemCount {
            let id = try cursor.read(version < 2 ? 2 : 4)
            let method = version >= 1 ? try cursor.read(2) & 0xf : 0
            let dataReference = try cursor.read(2)
            let baseOffset = try cursor.read(baseOffsetSize)
            let extentCount = try cursor.read(2)
            let container: Range<Int>? = switch (method, dataReference) {
            case (0, 0): 0..<bytes.count
            case (1, 0): idat?.content
            default: nil
            }
            // Each extent must take bytes of the box (fields of size 0 allow only one), and an
            // item's extents together at most its container: cost and memory stay linear in the file.
            let extentFields = indexSize + offsetSize + lengthSize
            guard extentFields > 0 ? extentCount <= (iloc.content.upperBound - cursor.offset) / extentFields : extentCount <= 1 else {
                throw invalid("la caja iloc declara más fragmentos de los que caben en ella")
            }
            var extents: [Range<Int>] = []
            var itemLength = 0
            for _ in 0..<extentCount {
                cursor.offset += indexSize
                let offset = try cursor.read(offsetSize), length = try cursor.read(lengthSize)
                guard let container else { continue }
                let (relative, overflow) = baseOffset.addingReportingOverflow(offset)
                guard !overflow, relative <= container.count else { throw ImageError.damaged(.heic, .cutShort) }
                let start = container.lowerBound + relative
                let end = length == 0 ? container.upperBound : start + length
                guard length <= container.upperBound - start else { throw ImageError.damaged(.heic, .cutShort) }
                itemLength += end - start
                guard itemLength <= container.count else { throw invalid("un elemento de la caja iloc ocupa más bytes que el archivo") }
                extents.append(start..<end)
            }
            locations[id] = container == nil ? .some(nil) : extents
        }
        return locations
    }

    /// The width and height of the `ispe` property associated with the primary item.
    static func primarySize(_ bytes: [UInt8], _ iprp: Box, primaryID: Int) throws -> (width: Int, height: Int)? {
        let children = try boxes(bytes, in: iprp.content)
        guard let container = children.first(where: { $0.type == "ipco" }) else { return nil }
        let properties = try boxes(bytes, in: container.content)
        for association in children where association.type == "ipma" {
            var cursor = Cursor(bytes, association, skippingFullBoxHeader: true)
            let wideIndexes = (bytes.integer(at: association.content.lowerBound + 1, size: 3, .big) ?? 0) & 1 == 1
            let entryCount = try cursor.read(4)
            for _ in 0..<entryCount {
                let id = try cursor.read(cursor.version < 1 ? 2 : 4)
                let count = try cursor.read(1)
                for _ in 0..<count {
                    let index = try wideIndexes ? cursor.read(2) & 0x7fff : cursor.read(1) & 0x7f
                    guard id == primaryID, index >= 1, index <= properties.count else { continue }
                    let property = properties[index - 1]
                    guard property.type == "ispe" else { continue }
                    guard property.content.count >= 12,
                          let width = bytes.integer(at: property.content.lowerBound + 4, size: 4, .big),
                          let height = bytes.integer(at: property.content.lowerBound + 8, size: 4, .big),
                          width > 0, height > 0
                    else { return nil }
                    return (width, height)
                }
            }
        }
        return nil
    }

    private static func invalid(_ detail: String) -> ImageError {
        .damaged(.heic, .invalidStructure(detail: detail))
    }

    /// Sequential reading of big-endian fields inside one box; reading past the box is an error.
    private struct Cursor {
        let bytes: [UInt8]
        let box: Box
        var offset: Int
        /// The version of a full box (0 if the box is empty).
        let version: Int

        init(_ bytes: [UInt8], _ box: Box, skippingFullBoxHeader: Bool) {
            self.bytes = bytes
            self.box = box
            self.offset = box.content.lowerBound + (skippingFullBoxHeader ? 4 : 0)
            self.version = box.content.isEmpty ? 0 : Int(bytes[box.content.lowerBound])
        }

        mutating func read(_ size: Int) throws -> Int {
            guard offset <= box.content.upperBound - size, let value = bytes.integer(at: offset, size: size, .big) else {
                throw HEIFStructure.invalid("la caja «\(box.type)» está incompleta")
            }
            offset += size
            return value
        }

        mutating func fourCC() throws -> String {
            guard offset <= box.content.upperBound - 4, let value = bytes.fourCC(at: offset) else {
                throw HEIFStructure.invalid("la caja «\(box.type)» está incompleta")
            }
            offset += 4
            return value
        }

        /// A NUL-terminated string (or the rest of the box when the NUL is missing).
        mutating func cString() -> String {
            let start = min(offset, box.content.upperBound)
            let end = bytes[start..<box.content.upperBound].firstIndex(of: 0) ?? box.content.upperBound
            offset = min(end + 1, box.content.upperBound)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
