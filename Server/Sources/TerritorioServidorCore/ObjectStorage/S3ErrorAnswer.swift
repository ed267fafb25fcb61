import Foundation
import TerritorioWire

/// What an S3 store's refusal says, for the operator's message and the log: the `Code` and
/// `Message` of S3's XML error document, with control characters made visible. The rest of that
/// document — request ids, the access key id, the string the store expected to be signed — stays
/// out. An answer that is not S3's document (a proxy's error page) is cut to its first 200
/// characters.
enum S3ErrorAnswer {
    static func summary(of body: String) -> String {
        let parts = ["Code", "Message"].compactMap { element($0, in: body) }
        let summary = parts.isEmpty ? String(body.prefix(200)) : parts.joined(separator: ": ")
        return TerminalText.visible(summary.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// The text of the first `<name>` element, its XML entities decoded, at most 200 characters.
    private static func element(_ name: String, in body: String) -> String? {
        guard let open = body.range(of: "<\(name)>"),
              let close = body.range(of: "</\(name)>", range: open.upperBound..<body.endIndex) else { return nil }
        var text = String(body[open.upperBound..<close.lowerBound].prefix(200))
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
