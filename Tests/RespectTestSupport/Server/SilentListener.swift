import NIOCore
import NIOPosix

/// A loopback listener on a free port that accepts connections and never answers or closes
/// them: a hung server, for the tests of the test clients' own time limits.
public final class SilentListener: Sendable {
    private let channel: any Channel

    public var port: Int { channel.localAddress?.port ?? 0 }

    public static func start() async throws -> SilentListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return SilentListener(channel)
    }

    private init(_ channel: any Channel) {
        self.channel = channel
    }

    /// Stops listening (the connections it accepted are the clients' to close).
    public func stop() async {
        try? await channel.close()
    }
}
