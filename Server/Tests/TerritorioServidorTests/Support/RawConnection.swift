import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP connection to the server on loopback, for what an HTTP client library will not do:
/// send half a request and stop, hold a socket open doing nothing, look at the raw answer. Every
/// wait is a `poll` with a deadline, run off Swift's cooperative threads.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw Failure("connect: \(errno)")
        }
    }

    deinit {
        hangUp()
        Glibc.close(descriptor)
    }

    /// Closes this end now.
    func hangUp() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends `bytes` whole, waiting (off the cooperative threads) while the server reads them.
    func send(bytes: ArraySlice<UInt8>) async {
        await Self.blocking { [self] in
            var sent = bytes.startIndex
            while sent < bytes.endIndex {
                let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return }
                sent += count
            }
        }
    }

    /// Whether the server has sent something (or closed) by now, without waiting.
    func hasAnswered() -> Bool {
        wait(milliseconds: 0)
    }

    /// Reads until the server closes the connection or `seconds` pass; true when it closed.
    func closedByServer(within seconds: Int) async -> Bool {
        await Self.blocking { [self] in
            let deadline = Date().addingTimeInterval(TimeInterval(seconds))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                guard wait(milliseconds: 200) else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
            }
            return false
        }
    }

    /// The status line and headers of the next answer, read within `seconds`.
    func responseHead(within seconds: Int) async -> String? {
        await Self.blocking { [self] in
            let deadline = Date().addingTimeInterval(TimeInterval(seconds))
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                guard wait(milliseconds: 200) else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { return nil }
                received += buffer[0..<count]
                let text = String(decoding: received, as: UTF8.self)
                if let end = text.range(of: "\r\n\r\n") { return String(text[..<end.lowerBound]) }
            }
            return nil
        }
    }

    /// Every byte until the other end closes, taken slowly — at most `bytesPerRead` at a time,
    /// `pauseMicroseconds` between reads — as a client on a slow link takes a large answer; nil
    /// when it has not closed within `seconds`.
    func slowlyReadToEnd(bytesPerRead: Int, pauseMicroseconds: UInt32, within seconds: Int) async -> [UInt8]? {
        await Self.blocking { [self] in
            let deadline = Date().addingTimeInterval(TimeInterval(seconds))
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: bytesPerRead)
            while Date() < deadline {
                guard wait(milliseconds: 200) else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { return received }
                received += buffer[0..<count]
                usleep(pauseMicroseconds)
            }
            return nil
        }
    }

    private func wait(milliseconds: Int32) -> Bool {
        var descriptors = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptors, 1, milliseconds) > 0
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
