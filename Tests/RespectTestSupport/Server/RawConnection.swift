import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A bare TCP connection to a test server, for clients that misbehave: bytes written exactly
/// as given (a request head or body a byte at a time), and whatever comes back collected until
/// the server closes the connection, or until a time limit (so a server that never closes it
/// fails the test instead of hanging the run).
public final class RawConnection: Sendable {
    private let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    private let reader: Task<[UInt8], Never>
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// When the connection closed, and whether `received` closed it at its limit: both taken on
    /// the connection's event loop, so they are right however long the test's task then waits
    /// for a thread of the pool (CI has seen one wait over two minutes).
    private let closing = NIOLockedValueBox<(at: ContinuousClock.Instant?, byClient: Bool)>((nil, false))

    public static func open(port: Int) async throws -> RawConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return RawConnection(channel)
    }

    private init(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        self.channel = channel
        let closing = closing
        channel.channel.closeFuture.whenComplete { _ in closing.withLockedValue { $0.at = .now } }
        let inbound = channel.inbound
        writer = channel.outbound
        reader = Task {
            var received: [UInt8] = []
            do {
                for try await buffer in inbound { received += Array(buffer.readableBytesView) }
            } catch {}
            return received
        }
    }

    /// Writes `bytes`; false when the server has closed the connection.
    @discardableResult
    public func write(_ bytes: [UInt8]) async -> Bool {
        do {
            try await writer.write(ByteBuffer(bytes: bytes))
            return true
        } catch {
            return false
        }
    }

    /// Whether the connection is closed (by the server, or by `received` at its limit).
    public var isClosed: Bool { !channel.channel.isActive }

    /// Whether `received` closed the connection itself because the server had not within its
    /// limit.
    public var wasCutOffByClient: Bool { closing.withLockedValue { $0.byClient } }

    /// When the connection closed (by either side); `nil` while it is open.
    public var closedAt: ContinuousClock.Instant? { closing.withLockedValue { $0.at } }

    /// Everything the server sent, once it has closed the connection. A server that has not
    /// closed it within `limit` has it closed from this side (`wasCutOffByClient`), and what
    /// came so far is returned. The limit runs on the connection's event loop, so it holds
    /// whatever the test's own task is waiting for.
    public func received(within limit: Duration = .seconds(60)) async -> [UInt8] {
        let raw = channel.channel
        let closing = closing
        let closer = raw.eventLoop.scheduleTask(in: .milliseconds(Int64(limit / .milliseconds(1)))) {
            if raw.isActive { closing.withLockedValue { $0.byClient = true } }
            raw.close(promise: nil)
        }
        let bytes = await reader.value
        closer.cancel()
        return bytes
    }

    /// Closes the connection from this side.
    public func close() {
        writer.finish()
        channel.channel.close(promise: nil)
    }

    /// A connection a test left open (its server kept it when it should not have) is closed
    /// with it, so the failure is reported instead of the writer's deinit stopping the process.
    deinit {
        close()
    }
}
