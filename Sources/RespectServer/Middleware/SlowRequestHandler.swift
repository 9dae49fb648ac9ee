import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request body arrives too slowly. Hummingbird's idle timeout ends a
/// client that sends nothing, or whose request head never completes, but any body part resets
/// it: a client sending one byte a second would hold its connection for ever. This handler
/// gives a body `grace` from its head, plus one second for every `minimumRate` bytes received;
/// a body not finished by then is cut off by closing the connection.
/// A response written early (a refusal) does not end the wait: the rest of the body must still
/// arrive in time, or the connection is closed.
final class SlowRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let grace: TimeAmount
    let minimumRate: Int
    private var started: NIODeadline?
    private var received = 0
    private var check: Scheduled<Void>?

    init(grace: TimeAmount, minimumRate: Int) {
        self.grace = grace
        self.minimumRate = max(1, minimumRate)
    }

    /// When the body read so far must be complete by.
    private var deadline: NIODeadline? {
        started.map { $0 + grace + .nanoseconds(Int64(received) * 1_000_000_000 / Int64(minimumRate)) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            started = .now()
            received = 0
            schedule(context)
        case .body(let buffer):
            received += buffer.readableBytes
        case .end:
            stop()
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    private func schedule(_ context: ChannelHandlerContext) {
        guard let deadline else { return }
        check?.cancel()
        let loop = context.eventLoop.assumeIsolatedUnsafeUnchecked()
        check = loop.scheduleTask(deadline: deadline) { [self] in
            check = nil
            guard let current = self.deadline else { return }
            if NIODeadline.now() >= current {
                started = nil
                context.close(promise: nil)
            } else {
                schedule(context)
            }
        }
    }

    private func stop() {
        started = nil
        check?.cancel()
        check = nil
    }
}
