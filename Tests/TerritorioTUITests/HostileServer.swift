import Foundation

/// A deliberately hostile HTTP/1.1 server on a free loopback port: it answers what `answer`
/// returns, which the reference server never would (control sequences in a radicado, a problem
/// or a note). One connection at a time, each closed after its answer.
final class HostileServer: @unchecked Sendable {
    struct Answer {
        var status: Int
        var contentType = "application/json"
        var body: [UInt8] = []
    }

    private let listener: Int32
    let baseURL: String
    private let answer: @Sendable (_ method: String, _ path: String) -> Answer
    private let finished = DispatchSemaphore(value: 0)

    init(answer: @escaping @Sendable (_ method: String, _ path: String) -> Answer) throws {
        self.answer = answer
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 16) == 0
                && getsockname(listener, $0, &length) == 0 }
        }
        guard listener >= 0, bound else { throw SyncServerProcess.Failure("no se pudo abrir el servidor hostil: \(String(cString: strerror(errno)))") }
        baseURL = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    deinit { stop() }

    /// Closes the listening socket and waits for the serving thread to end.
    func stop() {
        guard shutdown(listener, Int32(SHUT_RDWR)) == 0 else { return }
        finished.wait()
        close(listener)
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            handle(connection)
            close(connection)
        }
    }

    /// Reads one request (head and `Content-Length` body) and writes the answer.
    private func handle(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var bodyLength = 0
        while headEnd.map({ received.count < $0 + bodyLength }) ?? true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            received += buffer[0..<count]
            if headEnd == nil, let end = received.indices.dropLast(3).first(where: { Array(received[$0..<$0 + 4]) == separator }) {
                headEnd = end + 4
                let head = String(decoding: received[0..<end], as: UTF8.self).lowercased()
                bodyLength = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            }
        }
        let requestLine = String(decoding: received.prefix { $0 != 0x0d }, as: UTF8.self).split(separator: " ")
        guard requestLine.count >= 2 else { return }
        let path = String(requestLine[1].prefix { $0 != "?" })
        let reply = answer(String(requestLine[0]), path)
        let head = "HTTP/1.1 \(reply.status) Respuesta\r\nContent-Type: \(reply.contentType)\r\n"
            + "Content-Length: \(reply.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + reply.body
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            written += count
        }
    }
}
