public import Foundation

/// Runs long, CPU-bound synchronous test work on a thread of its own and waits for it without
/// holding a thread.
///
/// Swift's concurrency runs every test of a process, and the in-process servers and database
/// pools they start, on a pool as wide as the machine has cores: two on CI. A test that computes
/// for seconds inside an `async` function holds one of those two threads all that time, and
/// other tests' clients then miss a server's idle timeout or a database's 10-second deadline
/// (CI saw both). Work passed here runs beside the pool instead.
///
/// `work` must not record issues (`#expect` belongs to the test's task): return what it found
/// and check it after this returns.
public func offThePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
