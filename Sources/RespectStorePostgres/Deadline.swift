import Synchronization

/// Runs work with a time limit: the first of the work and the limit to finish wins, and the
/// other is cancelled.
///
/// The caller gets its answer when the limit passes even if the work ignores its cancellation:
/// a query stuck on a connection whose server went away (seen as a socket left in CLOSE-WAIT
/// while PostgreSQL was stopped) must not hold a web request open forever. Such work goes on
/// in the background until it ends by itself.
enum Deadline {
    /// Thrown when the limit passed first.
    struct Passed: Error {
        var limit: Duration
    }

    /// `work`'s result, or `Passed` when `limit` passes first (`work` is then cancelled, and
    /// is not waited for).
    static func run<Value: Sendable>(
        within limit: Duration, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                race.start(continuation)
                let worker = Task {
                    do { race.finish(.success(try await work())) } catch { race.finish(.failure(error)) }
                }
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    race.finish(.failure(Passed(limit: limit)))
                }
                race.hold(worker: worker, timer: timer)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The continuation, resumed once by whichever of the work, the timer and the caller's
    /// cancellation comes first; the others' tasks are then cancelled.
    private final class Race<Value: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Value, any Error>?
            var outcome: Result<Value, any Error>?
            var tasks: [Task<Void, Never>] = []
        }

        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<Value, any Error>) {
            let early = state.withLock { state -> Result<Value, any Error>? in
                if let outcome = state.outcome { return outcome }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func hold(worker: Task<Void, Never>, timer: Task<Void, Never>) {
            let finished = state.withLock { state -> Bool in
                state.tasks = [worker, timer]
                return state.outcome != nil
            }
            if finished {
                worker.cancel()
                timer.cancel()
            }
        }

        func finish(_ outcome: Result<Value, any Error>) {
            let (continuation, tasks) = state.withLock { state -> (CheckedContinuation<Value, any Error>?, [Task<Void, Never>]) in
                guard state.outcome == nil else { return (nil, []) }
                state.outcome = outcome
                defer { state.continuation = nil }
                return (state.continuation, state.tasks)
            }
            for task in tasks { task.cancel() }
            continuation?.resume(with: outcome)
        }
    }
}
