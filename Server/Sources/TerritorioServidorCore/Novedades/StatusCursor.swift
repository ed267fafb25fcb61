/// The status feed's cursor as the server writes it: a whole number in canonical decimal (no sign,
/// no leading zeros), at most 18 digits so it always fits the sequence. Exactly what
/// docs/openapi.yaml's pattern allows, so the contract and the server refuse the same text.
enum StatusCursor {
    static func parse(_ text: String) -> Int64? {
        let digits = text.utf8
        guard (1...18).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        return Int64(text)
    }
}
