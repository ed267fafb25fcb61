import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP proxy on 127.0.0.1 between the real client and the real server that injects real network
/// faults, chosen per request by a plan: the connection cut, reset or stalled at a chosen body
/// byte, the server's answer cut or dropped after the server committed, or a canned answer (a
/// `500`, a `429`, a captive portal's page) in place of the server; and it can make every
/// connection a slow link (`limitRate`). Nothing in the code under test knows it is there.
///
/// It adds `Connection: close` to every request, so each connection carries exactly one request:
/// a fault hits exactly the request the plan chose, and the client can never silently replay a
/// request on a reused connection.
final class FaultProxy: Sendable {
    /// A request as the proxy saw its head.
    struct Request: Sendable {
        /// 1-based, in arrival order.
        let number: Int
        let method: String
        /// The path without its query.
        let path: String
    }

    enum Fault: Sendable {
        case pass
        /// Forwarded once `action` has run: the test changes the server's state at this very point.
        case passAfter(@Sendable () async throws -> Void)
        /// The connection is reset once the request's head arrived, nothing forwarded: the server is down.
        case reset
        /// The first N body bytes reach the server, then both connections close.
        case cutRequest(afterBodyBytes: Int)
        /// The first N body bytes reach the server, then the client's connection is reset (the
        /// server's is closed, so it reads all N before it sees the request end early).
        case resetRequest(afterBodyBytes: Int)
        /// The first N body bytes reach the server; the rest is swallowed until the client goes away.
        case stallRequest(afterBodyBytes: Int)
        /// The whole request reaches the server; N bytes of its answer reach the client, then both close.
        case cutResponse(afterBytes: Int)
        /// The whole request reaches the server, its whole answer is read and thrown away, and the
        /// client's connection closes: the server committed, the client never knows.
        case dropResponse
        /// The server never sees the request; the client gets this raw HTTP answer.
        case answer(String)
    }

    /// What happened to one request.
    struct Exchange: Sendable {
        let request: Request
        let fault: Fault
        let arrivedAt = ContinuousClock.now
        var bodyBytesToServer = 0
        var bytesToClient = 0
    }

    let port: Int
    private let upstreamPort: NIOLockedValueBox<Int>
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let state: NIOLockedValueBox<State>
    private let accepting: NIOLockedValueBox<Task<Void, Never>?>

    private struct State {
        var plan: @Sendable (Request, _ earlier: [Exchange]) -> Fault
        var exchanges: [Exchange] = []
        var bytesPerSecond: Int?
    }

    private init(listener: Channel, upstreamPort: Int, group: MultiThreadedEventLoopGroup) {
        self.listener = listener
        self.port = listener.localAddress?.port ?? 0
        self.upstreamPort = NIOLockedValueBox(upstreamPort)
        self.group = group
        self.state = NIOLockedValueBox(State(plan: { _, _ in .pass }))
        self.accepting = NIOLockedValueBox(nil)
    }

    /// Runs `body` with a proxy in front of the server on `upstreamPort`, forwarding everything
    /// until a plan says otherwise; stops it (closing every connection) afterwards.
    static func run<Result: Sendable>(forwardingTo upstreamPort: Int, _ body: (FaultProxy) async throws -> Result) async throws -> Result {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        let proxy = FaultProxy(listener: listener.channel, upstreamPort: upstreamPort, group: group)
        proxy.accepting.withLockedValue {
            $0 = Task {
                try? await listener.executeThenClose { connections in
                    await withDiscardingTaskGroup { tasks in
                        do {
                            for try await connection in connections { tasks.addTask { await proxy.serve(connection) } }
                        } catch {}
                    }
                }
            }
        }
        let result: Result
        do {
            result = try await body(proxy)
        } catch {
            await proxy.stop()
            throw error
        }
        await proxy.stop()
        return result
    }

    /// From now on each request gets the fault `plan` chooses for it, knowing the earlier ones.
    func use(_ plan: @escaping @Sendable (Request, _ earlier: [Exchange]) -> Fault) {
        state.withLockedValue { $0.plan = plan }
    }

    /// From now on each new connection moves at most `bytesPerSecond` each way (nil: at full speed).
    func limitRate(toBytesPerSecond bytesPerSecond: Int?) {
        state.withLockedValue { $0.bytesPerSecond = bytesPerSecond }
    }

    /// From now on connections go to the server on `port` (one started again after a kill).
    func forward(to port: Int) {
        upstreamPort.withLockedValue { $0 = port }
    }

    /// Every request so far, oldest first, with what reached each side.
    var exchanges: [Exchange] {
        state.withLockedValue { $0.exchanges }
    }

    /// Polls until `condition` holds for the exchanges so far; false after `seconds`.
    func wait(seconds: Double = 30, until condition: ([Exchange]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if condition(exchanges) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition(exchanges)
    }

    private func stop() async {
        try? await listener.close()
        await accepting.withLockedValue { $0 }?.value
        try? await group.shutdownGracefully()
    }

    // MARK: - One connection

    private func serve(_ client: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        try? await client.executeThenClose { clientInbound, clientOutbound in
            var reader = clientInbound.makeAsyncIterator()
            guard let head = try await RequestHead.read(from: &reader) else { return }
            let (index, fault, rate) = state.withLockedValue { state in
                let request = Request(number: state.exchanges.count + 1, method: head.method, path: head.path)
                let fault = state.plan(request, state.exchanges)
                state.exchanges.append(Exchange(request: request, fault: fault))
                return (state.exchanges.count - 1, fault, state.bytesPerSecond)
            }
            switch fault {
            case .reset:
                try await Self.reset(client.channel)
                return
            case .passAfter(let action):
                try await action()
            case .answer(let response):
                var remaining = head.bodyLength - head.bodyStart.readableBytes
                while remaining > 0, let chunk = try await reader.next() { remaining -= chunk.readableBytes }
                try await clientOutbound.write(ByteBuffer(string: response))
                record(index) { $0.bytesToClient += response.utf8.count }
                return
            default:
                break
            }
            let upstream = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: upstreamPort.withLockedValue { $0 }) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
            try await upstream.executeThenClose { serverInbound, serverOutbound in
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask {
                        await self.relayAnswer(from: serverInbound, to: clientOutbound, closing: client.channel, fault: fault, index: index,
                                               pace: rate.map(RateLimit.init))
                    }
                    let whole = (try? await relayRequest(head, from: &reader, to: serverOutbound, fault: fault, index: index,
                                                         pace: rate.map(RateLimit.init))) ?? false
                    if whole {
                        try await tasks.next()
                    } else if case .resetRequest = fault {
                        try await Self.reset(client.channel)
                    }
                    try? await upstream.channel.close()
                    tasks.cancelAll()
                }
            }
        }
    }

    /// Forwards the request with the fault applied; false when the fault cut it short.
    private func relayRequest(_ head: RequestHead, from reader: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
                              to server: NIOAsyncChannelOutboundWriter<ByteBuffer>, fault: Fault, index: Int,
                              pace: RateLimit?) async throws -> Bool {
        var pace = pace
        let write = { (bytes: ByteBuffer) in
            if pace == nil { try await server.write(bytes) } else { try await pace?.pass(bytes) { try await server.write($0) } }
        }
        let limit: Int?
        switch fault {
        case .cutRequest(let bytes), .resetRequest(let bytes), .stallRequest(let bytes): limit = bytes
        default: limit = nil
        }
        try await write(head.forwardedHead)
        var forwarded = 0
        var pending: ByteBuffer? = head.bodyStart
        while forwarded < head.bodyLength {
            if pending == nil { pending = try await reader.next() }
            guard var chunk = pending else { return false }
            pending = nil
            if let limit, forwarded + chunk.readableBytes >= limit {
                if let part = chunk.readSlice(length: limit - forwarded), part.readableBytes > 0 {
                    try await write(part)
                    record(index) { $0.bodyBytesToServer += part.readableBytes }
                }
                if case .stallRequest = fault {
                    while let _ = try? await reader.next() {}
                }
                return false
            }
            try await write(chunk)
            forwarded += chunk.readableBytes
            record(index) { $0.bodyBytesToServer += chunk.readableBytes }
        }
        return true
    }

    /// Forwards the server's answer with the fault applied. However the server's side ends —
    /// closed, reset (a killed server), or cut by the fault — the client's connection closes too.
    private func relayAnswer(from server: NIOAsyncChannelInboundStream<ByteBuffer>, to client: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                             closing clientChannel: Channel, fault: Fault, index: Int, pace: RateLimit?) async {
        var pace = pace
        var sent = 0
        var first = true
        do {
            for try await var chunk in server {
                if first {
                    chunk = Self.closingConnection(chunk)
                    first = false
                }
                switch fault {
                case .dropResponse:
                    continue
                case .cutResponse(let limit):
                    let part = chunk.readSlice(length: min(chunk.readableBytes, limit - sent)) ?? ByteBuffer()
                    try await client.write(part)
                    sent += part.readableBytes
                    record(index) { $0.bytesToClient += part.readableBytes }
                    if sent >= limit {
                        try? await clientChannel.close()
                        return
                    }
                default:
                    if pace == nil { try await client.write(chunk) } else { try await pace?.pass(chunk) { try await client.write($0) } }
                    record(index) { $0.bytesToClient += chunk.readableBytes }
                }
            }
            // The whole answer is queued: it reaches the client before the connection closes (a
            // plain close drops what a slow reader has not taken yet, cutting a large answer short).
            try? await clientChannel.close(mode: .output)
        } catch {
            // The server's side failed: nothing more can reach the client.
        }
        try? await clientChannel.close()
    }

    /// The answer's first bytes with `Connection: close` after the status line, so the client
    /// knows this connection ends here and never sends another request on it.
    private static func closingConnection(_ chunk: ByteBuffer) -> ByteBuffer {
        let bytes = chunk.readableBytesView
        guard let lineEnd = bytes.firstRange(of: Array("\r\n".utf8)) else { return chunk }
        let statusLength = lineEnd.upperBound - bytes.startIndex
        var result = ByteBuffer()
        result.writeImmutableBuffer(chunk.getSlice(at: chunk.readerIndex, length: statusLength) ?? ByteBuffer())
        result.writeString("Connection: close\r\n")
        result.writeImmutableBuffer(chunk.getSlice(at: chunk.readerIndex + statusLength, length: chunk.readableBytes - statusLength) ?? ByteBuffer())
        return result
    }

    private func record(_ index: Int, _ change: (inout Exchange) -> Void) {
        state.withLockedValue { change(&$0.exchanges[index]) }
    }

    /// Closes with `SO_LINGER` 0: the peer gets a TCP reset instead of an orderly close.
    private static func reset(_ channel: Channel) async throws {
        try await (channel as? SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        try? await channel.close()
    }
}

