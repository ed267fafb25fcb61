import NIOCore
import NIOPosix
import Testing

extension ServidorReal {
    /// The fault proxy itself: what it lets pass must arrive whole, or a test blames the code
    /// under test for the proxy's loss.
    @Suite struct ProxyDeFallas {
        /// A slow reader still has part of the answer queued in the proxy when the server closes;
        /// that part must reach it before the proxy closes the connection.
        @Test func aSlowReaderGetsAWholeLargeAnswer() async throws {
            let bodyBytes = 4 * 1024 * 1024
            try await Self.answering(bodyBytes: bodyBytes) { upstreamPort in
                try await FaultProxy.run(forwardingTo: upstreamPort) { proxy in
                    let connection = try RawConnection(port: proxy.port)
                    connection.send("GET /grande HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    let received = try #require(await connection.slowlyReadToEnd(bytesPerRead: 16 * 1024, pauseMicroseconds: 1_000, within: 120))
                    let headEnd = try #require(received.firstRange(of: Array("\r\n\r\n".utf8)))
                    #expect(received.count - headEnd.upperBound == bodyBytes)
                }
            }
        }

        /// Runs `body` with a server on a free loopback port that answers each request with
        /// `bodyBytes` bytes and then closes the connection, every byte sent first.
        private static func answering(bodyBytes: Int, _ body: (Int) async throws -> Void) async throws {
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let listener = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
            let serving = Task {
                try? await listener.executeThenClose { connections in
                    for try await connection in connections {
                        try? await connection.executeThenClose { inbound, outbound in
                            var head = ByteBuffer()
                            for try await chunk in inbound {
                                head.writeImmutableBuffer(chunk)
                                if head.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8)) != nil { break }
                            }
                            try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: \(bodyBytes)\r\n\r\n"))
                            var sent = 0
                            while sent < bodyBytes {
                                let count = min(64 * 1024, bodyBytes - sent)
                                try await outbound.write(ByteBuffer(repeating: UInt8(ascii: "a"), count: count))
                                sent += count
                            }
                            try await connection.channel.close(mode: .output)
                        }
                    }
                }
            }
            let outcome: Result<Void, any Error>
            do {
                try await body(listener.channel.localAddress?.port ?? 0)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            try? await listener.channel.close()
            await serving.value
            try? await group.shutdownGracefully()
            try outcome.get()
        }
    }
}
