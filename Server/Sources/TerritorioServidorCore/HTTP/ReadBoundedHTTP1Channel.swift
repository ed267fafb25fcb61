import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 connection (the same pipeline as its `HTTP1Channel`) with a bound on
/// what one connection reads ahead of its handler. By default each connection reads into
/// buffers of up to 64 KiB, several per wakeup, and queues up to ten of them before it stops
/// reading the socket: under load, when the handlers fall behind, that is most of a megabyte per
/// upload in flight, and the server's memory grew with the number of gestores. Here a read takes
/// at most `readSize` bytes (less while a connection sends little, so an idle one keeps a small
/// buffer) and the queue stops at `queued` of them: what is not read yet waits in the kernel's
/// socket buffer, where TCP's window slows the sender down.
struct ReadBoundedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    static let readSize = 16 * 1024
    static let queued = 2

    let responder: HTTPChannelHandler.Responder
    let configuration: HTTP1Channel.Configuration

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let options = channel.pipeline.syncOperations
            let reads = AdaptiveRecvByteBufferAllocator(minimum: 1024, initial: 4096, maximum: Self.readSize)
            try channel.syncOptions?.setOption(ChannelOptions.recvAllocator, value: reads)
            try channel.syncOptions?.setOption(ChannelOptions.maxMessagesPerRead, value: 1)
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = configuration.httpDecoder.maxHeaderFieldSize
            limits.maxHeaderListSize = configuration.httpDecoder.maxHeaderListSize
            limits.maxHeaderFieldCount = configuration.httpDecoder.maxHeaderFieldCount
            try options.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: false,
                                                    withOutboundHeaderValidation: false, withEncoderConfiguration: .init(),
                                                    withDecoderLimitConfiguration: limits)
            try options.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try options.addHandlers(configuration.additionalChannelHandlers())
            try options.addHandler(HTTPConnectionStateHandler(idleTimeout: configuration.idleTimeout.map { .init($0) }, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                       configuration: .init(backPressureStrategy: .init(lowWatermark: 1, highWatermark: Self.queued),
                                                            isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 over `ReadBoundedHTTP1Channel`, in place of Hummingbird's `.http1(configuration:)`.
    static func readBoundedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in ReadBoundedHTTP1Channel(responder: responder, configuration: configuration) }
    }
}
