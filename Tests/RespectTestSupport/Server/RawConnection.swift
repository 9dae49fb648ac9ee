import NIOCore
import NIOPosix

/// A bare TCP connection to a test server, for clients that misbehave: bytes written exactly
/// as given (a request head or body a byte at a time), and whatever comes back collected until
/// the server closes the connection.
public final class RawConnection: Sendable {
    private let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    private let reader: Task<[UInt8], Never>
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>

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

    /// Whether the server has closed the connection.
    public var isClosed: Bool { !channel.channel.isActive }

    /// Everything the server sent, once it has closed the connection.
    public func received() async -> [UInt8] {
        await reader.value
    }

    /// Closes the connection from this side.
    public func close() {
        writer.finish()
        channel.channel.close(promise: nil)
    }
}
