import NIOCore
import NIOHTTPTypes

/// Closes the connection once a response that says `Connection: close` has been written.
/// Hummingbird honours a request's `Connection: close` but not a response's: after a refusal
/// (413 for a body over the limit) it would go on reading and discarding the rest of the body,
/// however large, and then keep the connection open. Closing stops the upload there.
final class CloseAfterResponseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var closing = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closing = head.headerFields[.connection]?.lowercased() == "close"
        case .body:
            break
        case .end:
            guard closing else { break }
            closing = false
            let written = promise ?? context.eventLoop.makePromise()
            context.write(data, promise: written)
            written.futureResult.assumeIsolatedUnsafeUnchecked().whenComplete { _ in
                context.close(promise: nil)
            }
            return
        }
        context.write(data, promise: promise)
    }
}
