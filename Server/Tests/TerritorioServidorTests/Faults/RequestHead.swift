import Foundation
import NIOCore

/// An HTTP/1.1 request head as `FaultProxy` reads it off the client's connection: enough to
/// choose a fault (method, path) and to know where the body ends (`Content-Length`; the client
/// never sends chunked bodies). The head it forwards asks the server to close after answering.
struct RequestHead {
    let method: String
    let path: String
    let bodyLength: Int
    /// The head as forwarded: every `Connection` header replaced by `Connection: close`.
    let forwardedHead: ByteBuffer
    /// Body bytes that arrived together with the head.
    let bodyStart: ByteBuffer

    /// Reads until the blank line that ends the head; nil if the client closes first.
    static func read(from reader: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) async throws -> RequestHead? {
        var buffered = ByteBuffer()
        let separator = Array("\r\n\r\n".utf8)
        while true {
            let bytes = buffered.readableBytesView
            if let end = bytes.firstRange(of: separator) {
                let headLength = end.upperBound - bytes.startIndex
                let text = buffered.getString(at: buffered.readerIndex, length: headLength) ?? ""
                buffered.moveReaderIndex(forwardBy: headLength)
                return parse(text, rest: buffered)
            }
            guard let chunk = try await reader.next() else { return nil }
            buffered.writeImmutableBuffer(chunk)
        }
    }

    private static func parse(_ text: String, rest: ByteBuffer) -> RequestHead {
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let requestLine = (lines.first ?? "").split(separator: " ")
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        var kept = [lines.first ?? ""]
        var bodyLength = 0
        for line in lines.dropFirst() {
            let name = line.prefix { $0 != ":" }.lowercased()
            if name == "connection" { continue }
            if name == "content-length" {
                bodyLength = Int(line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)) ?? 0
            }
            kept.append(line)
        }
        kept.append("Connection: close")
        return RequestHead(
            method: requestLine.first.map(String.init) ?? "",
            path: String(target.prefix { $0 != "?" }),
            bodyLength: bodyLength,
            forwardedHead: ByteBuffer(string: kept.joined(separator: "\r\n") + "\r\n\r\n"),
            bodyStart: rest
        )
    }
}
