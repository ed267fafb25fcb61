/// The number the server gives a received novedad, `TER-AAAA-NNNNNN` (year, six digits, more
/// after 999 999). A receipt whose radicado is anything else is not a receipt: the novedad is not
/// marked sent, so a broken or hostile answer never becomes what the gestor tells a citizen.
enum Radicado {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (15...21).contains(bytes.count), bytes.starts(with: Array("TER-".utf8)), bytes[8] == UInt8(ascii: "-") else { return false }
        return (bytes[4..<8] + bytes[9...]).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
