/// Blanks location values in XMP (the RDF/XML metadata Adobe defined) in place: the value of
/// every attribute and the content of every element whose local name starts with `GPS` or
/// speaks of latitude or longitude (`exif:GPSLatitude`, `drone-dji:GpsLongitude`, …) become
/// spaces, so the packet keeps its length and stays well-formed XML. Anything the scanner cannot
/// follow (an unterminated tag, quote or comment, a UTF-16 packet) is an error: then nobody can
/// be sure the location is gone.
enum XMPLocation {
    static func blank(_ bytes: inout [UInt8], in range: Range<Int>, format: ImageFormat) throws {
        let malformed = ImageError.locationNotRemovable(format, .malformedXMP)
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0 { end -= 1 }
        guard bytes.firstOffset(of: [0], in: range.lowerBound..<end) == nil else { throw malformed }

        func find(_ text: String, from start: Int) throws -> Int {
            guard let found = bytes.firstOffset(of: Array(text.utf8), in: min(start, end)..<end) else { throw malformed }
            return found
        }
        func skipSpaces(_ position: inout Int) {
            while position < end, isSpace(bytes[position]) { position += 1 }
        }

        var position = range.lowerBound
        while let open = bytes.firstOffset(of: [UInt8(ascii: "<")], in: position..<end) {
            if bytes.hasBytes(Array("<!--".utf8), at: open) {
                position = try find("-->", from: open + 4) + 3
            } else if bytes.hasBytes(Array("<![CDATA[".utf8), at: open) {
                position = try find("]]>", from: open + 9) + 3
            } else if bytes.hasBytes(Array("<?".utf8), at: open) {
                position = try find("?>", from: open + 2) + 2
            } else if bytes.hasBytes(Array("<!".utf8), at: open) || bytes.hasBytes(Array("</".utf8), at: open) {
                position = try find(">", from: open + 2) + 1
            } else {
                // A start tag: its name, then attributes until `>` or `/>`.
                var cursor = open + 1
                while cursor < end, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") {
                    cursor += 1
                }
                let name = Array(bytes[open + 1..<cursor])
                guard !name.isEmpty else { throw malformed }
                var selfClosing = false
                while true {
                    skipSpaces(&cursor)
                    guard cursor < end else { throw malformed }
                    if bytes[cursor] == UInt8(ascii: ">") {
                        cursor += 1
                        break
                    }
                    if bytes[cursor] == UInt8(ascii: "/") {
                        guard bytes.hasBytes(Array("/>".utf8), at: cursor) else { throw malformed }
                        selfClosing = true
                        cursor += 2
                        break
                    }
                    let attributeStart = cursor
                    while cursor < end, !isSpace(bytes[cursor]), !"=>/".utf8.contains(bytes[cursor]) { cursor += 1 }
                    let attribute = Array(bytes[attributeStart..<cursor])
                    guard !attribute.isEmpty else { throw malformed }
                    skipSpaces(&cursor)
                    guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { throw malformed }
                    cursor += 1
                    skipSpaces(&cursor)
                    guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
                        throw malformed
                    }
                    let closingQuote = try find(String(UnicodeScalar(bytes[cursor])), from: cursor + 1)
                    if isLocation(attribute) { bytes.fill(cursor + 1..<closingQuote, with: 0x20) }
                    cursor = closingQuote + 1
                }
                position = cursor
                if !selfClosing, isLocation(name) {
                    let closingTag = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
                    var search = cursor
                    while true {
                        guard let found = bytes.firstOffset(of: closingTag, in: search..<end) else { throw malformed }
                        let after = found + closingTag.count
                        if after < end, bytes[after] == UInt8(ascii: ">") || isSpace(bytes[after]) {
                            bytes.fill(cursor..<found, with: 0x20)
                            position = found
                            break
                        }
                        search = found + 1
                    }
                }
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }

    /// Whether an element or attribute name (`exif:GPSLatitude`) names a location value.
    private static func isLocation(_ qualifiedName: [UInt8]) -> Bool {
        let localName = qualifiedName.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).last ?? []
        let folded = String(decoding: localName, as: UTF8.self).lowercased()
        return folded.hasPrefix("gps") || folded.contains("latitud") || folded.contains("longitud")
    }
}
