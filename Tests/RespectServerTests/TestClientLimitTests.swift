import RespectTestSupport
import Testing

/// The server tests' clients bound their own waiting, so a server that hangs fails a test
/// instead of hanging the whole run until CI's limit.
@Suite("Test clients and a server that never answers")
struct TestClientLimitTests {
    @Test("a request to a server that never answers ends at its time limit, with status 0")
    func requestEndsAtItsLimit() async throws {
        let listener = try await SilentListener.start()
        let started = ContinuousClock.now
        let answer = try await TestHTTPClient(port: listener.port).send("GET", "/health", timeout: .seconds(1))
        await listener.stop()
        #expect(answer.status == 0)
        #expect(answer.body.isEmpty)
        // Timed by when the client closed the connection, not by when this task ran again: on
        // CI the task once waited 157 s for a thread while the client had given up at 1 s.
        let gaveUp = try #require(answer.clientGaveUpAt, "the client never closed the connection itself")
        let waited = gaveUp - started
        #expect(waited >= .seconds(1), "gave up after \(waited), before its limit")
        #expect(waited < .seconds(10), "gave up after \(waited) with a 1 s limit")
    }

    @Test("a bare connection the server never closes is closed by the client at its limit, which says so")
    func rawConnectionEndsAtItsLimit() async throws {
        let listener = try await SilentListener.start()
        let connection = try await RawConnection.open(port: listener.port)
        let started = ContinuousClock.now
        let received = await connection.received(within: .seconds(1))
        await listener.stop()
        #expect(received.isEmpty)
        #expect(connection.isClosed)
        #expect(connection.wasCutOffByClient)
        let closed = try #require(connection.closedAt, "closed, yet no time of closing")
        let waited = closed - started
        #expect(waited >= .seconds(1), "gave up after \(waited), before its limit")
        #expect(waited < .seconds(10), "gave up after \(waited) with a 1 s limit")
    }
}
