import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 client for tests, on SwiftNIO (no blocking socket calls, so it never starves
/// the server's tasks on a two-core machine): one connection per request, the whole answer read.
public struct TestHTTPClient: Sendable {
    public let port: Int

    public init(port: Int) {
        self.port = port
    }

    /// A response: status, headers (names lower-cased; repeated names joined), and the body.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String]
        /// Every `Set-Cookie` header, in order.
        public var cookies: [String]
        public var body: [UInt8]
        /// When the client closed the connection itself because the server had not answered
        /// within the time limit (`nil` when it did not have to), taken on the connection's
        /// event loop, so it is right however long the test's task then waits for a thread.
        public var clientGaveUpAt: ContinuousClock.Instant?

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as JSON (`nil` when it is not).
        public var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
        public var object: [String: Any] { json as? [String: Any] ?? [:] }
        public var array: [[String: Any]] { json as? [[String: Any]] ?? [] }

        /// The value a `Set-Cookie` header gives `name`.
        public func cookie(_ name: String) -> String? {
            for header in cookies where header.hasPrefix(name + "=") {
                return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
            }
            return nil
        }
    }

    /// Sends a request and reads the whole answer. `body` is sent in slices (with
    /// `Content-Length` its size, unless `headers` gives one). A server that has not answered
    /// within `timeout` (by default five minutes, far beyond any request of the tests on a slow
    /// machine) has its connection closed, and the answer has status 0 (as for a connection the
    /// server dropped): a test then reports a hung request instead of hanging the run.
    public func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
                     timeout: Duration = .seconds(300)) async throws -> Answer {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let body, !head.headers.contains(name: "Content-Length") {
            head.headers.add(name: "Content-Length", value: String(body.count))
        }
        let request = head
        let gaveUp = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        RequestWriter(head: request, body: body ?? [], limit: (timeout, gaveUp)))
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        var answer = try await channel.executeThenClose { inbound, _ in
            var answer = Answer(status: 0, headers: [:], cookies: [], body: [], clientGaveUpAt: nil)
            for try await part in inbound {
                switch part {
                case .head(let response):
                    answer.status = Int(response.status.code)
                    for (name, value) in response.headers {
                        if name.lowercased() == "set-cookie" { answer.cookies.append(value) }
                        let key = name.lowercased()
                        answer.headers[key] = answer.headers[key].map { $0 + ", " + value } ?? value
                    }
                case .body(let buffer):
                    answer.body += Array(buffer.readableBytesView)
                case .end:
                    return answer
                }
            }
            return answer
        }
        answer.clientGaveUpAt = gaveUp.withLockedValue { $0 }
        return answer
    }

    /// Starts a request whose body declares `declaredLength` bytes, sends only `body` (fewer),
    /// and closes the connection: an upload cut off by the client or the network. The bytes are
    /// written from the connection's event loop as it comes up (as `send` writes), so a test task
    /// that waits long for a thread cannot let the server's idle timeout end the connection
    /// between the head and the body.
    public func sendCutOff(_ method: String, _ path: String, headers: [(String, String)] = [], declaredLength: Int,
                           body: [UInt8]) async throws {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(declaredLength))
        let request = head
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(RequestWriter(head: request, body: body, ends: false))
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        // Let the server read what was sent before the connection goes.
        try? await Task.sleep(for: .milliseconds(200))
        try? await channel.close()
    }
}

/// Writes a whole request from its connection's event loop the moment the connection is up, in
/// 64 KiB slices (so a refusal can arrive while the body is still being sent), and closes the
/// connection if the answer has not ended within the time limit, when it has one. A request that
/// `ends: false` stops after the bytes of `body` (an upload cut off).
///
/// A test's task may wait seconds for a thread of the two-thread pool on CI while other tests
/// compute (CI has seen one wait over two minutes); a request written from that task could then
/// reach a server started with a short `--idle-timeout` after the server had already closed the
/// idle connection (CI saw "I/O on closed channel"). Written here, the request goes out whatever
/// the pool is doing, and the limit runs from the moment the connection is up; the task only
/// reads the answer. Writes the server refuses by closing are dropped, as a client's are.
private final class RequestWriter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias InboundOut = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    let head: HTTPRequestHead
    let body: [UInt8]
    let ends: Bool
    /// The time limit, and where the moment the client gave up is recorded.
    let limit: (timeout: Duration, gaveUp: NIOLockedValueBox<ContinuousClock.Instant?>)?
    private var closer: Scheduled<Void>?

    init(head: HTTPRequestHead, body: [UInt8], ends: Bool = true,
         limit: (timeout: Duration, gaveUp: NIOLockedValueBox<ContinuousClock.Instant?>)? = nil) {
        self.head = head
        self.body = body
        self.ends = ends
        self.limit = limit
    }

    func channelActive(context: ChannelHandlerContext) {
        if let (timeout, gaveUp) = limit {
            let channel = context.channel
            closer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout / .milliseconds(1)))) {
                if channel.isActive { gaveUp.withLockedValue { $0 = .now } }
                channel.close(promise: nil)
            }
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        var offset = 0
        while offset < body.count {
            let end = min(offset + 65_536, body.count)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body[offset..<end])))), promise: nil)
            offset = end
        }
        if ends { context.write(wrapOutboundOut(.end(nil)), promise: nil) }
        context.flush()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The whole answer is in: the limit has nothing left to guard.
        if case .end = unwrapInboundIn(data) { closer?.cancel() }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closer?.cancel()
        context.fireChannelInactive()
    }
}
