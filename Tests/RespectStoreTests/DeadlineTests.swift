import Dispatch
@testable import RespectStorePostgres
import Synchronization
import Testing

/// The time limit on every PostgreSQL call: the caller is answered when it passes, whatever the
/// work does.
@Suite("Database time limit")
struct DeadlineTests {
    /// Work that ignores its cancellation and ends only when the test opens it (or after a
    /// minute): a query stuck on a connection whose server went away. It holds no thread.
    final class StuckWork: Sendable {
        private let state = Mutex<(ended: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

        var ended: Bool { state.withLock { $0.ended } }

        func run() async -> Int {
            await withCheckedContinuation { continuation in
                state.withLock { $0.waiter = continuation }
                DispatchQueue.global().asyncAfter(deadline: .now() + 60) { self.open() }
            }
            state.withLock { $0.ended = true }
            return 1
        }

        func open() {
            state.withLock { state in
                let waiter = state.waiter
                state.waiter = nil
                return waiter
            }?.resume()
        }
    }

    @Test("work that ignores its cancellation does not hold the caller past the limit")
    func stuckWorkIsNotWaitedFor() async throws {
        let work = StuckWork()
        await #expect(throws: Deadline.Passed.self) {
            try await Deadline.run(within: .milliseconds(200)) { await work.run() }
        }
        #expect(!work.ended, "answered at the limit, while the work was still stuck")
        work.open()
    }

    @Test("work that finishes in time gives its value or its error")
    func workInTime() async throws {
        let value = try await Deadline.run(within: .seconds(30)) { 42 }
        #expect(value == 42)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await Deadline.run(within: .seconds(30)) { () async throws -> Int in throw Refused() }
        }
    }

    @Test("a caller cancelled while waiting is answered with CancellationError without waiting for the work")
    func callerCancelled() async throws {
        let work = StuckWork()
        let task = Task { try await Deadline.run(within: .seconds(30)) { await work.run() } }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!work.ended)
        work.open()
    }
}

@Suite("Database time limit: the shared timer")
struct DeadlineTimerTests {
    @Test("calls that finish in time leave nothing in the timer; one past its limit is expired by it, never before the limit")
    func finishedCallsAreForgotten() async throws {
        let timer = DeadlineTimer(granularity: .milliseconds(50))
        try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<200 {
                group.addTask { try await Deadline.run(within: .seconds(30), timer: timer) { number } }
            }
            var sum = 0
            for try await value in group { sum += value }
            #expect(sum == (0..<200).reduce(0, +))
        }
        #expect(timer.watching == 0, "no finished call is kept until its limit")

        let work = DeadlineTests.StuckWork()
        let started = ContinuousClock.now
        await #expect(throws: Deadline.Passed.self) {
            try await Deadline.run(within: .milliseconds(150), timer: timer) { await work.run() }
        }
        let waited = ContinuousClock.now - started
        // Not before the limit. That the timer expired the call at all is the `Passed` above: the
        // stuck work would have ended with a value after a minute. No upper bound on `waited`:
        // it is measured when this task runs again, which on CI can be minutes later.
        #expect(waited >= .milliseconds(150), "answered before the limit: \(waited)")
        #expect(timer.watching == 0)
        work.open()
    }
}
