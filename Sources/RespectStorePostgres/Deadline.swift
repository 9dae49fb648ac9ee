import Synchronization

/// Runs work with a time limit: the first of the work and the limit to finish wins, and the
/// other is cancelled.
///
/// The caller gets its answer when the limit passes even if the work ignores its cancellation:
/// a query stuck on a connection whose server went away (seen as a socket left in CLOSE-WAIT
/// while PostgreSQL was stopped) must not hold a web request open forever. Such work goes on
/// in the background until it ends by itself.
///
/// Every database call runs through here, so the limits are watched by one shared timer
/// (`DeadlineTimer`) rather than by a sleeping task per call: a sleeping task and its
/// cancellation cost about a tenth of the server's CPU time per query, and at a thousand
/// queries a second left ten thousand timers pending for the ten seconds of the limit.
enum Deadline {
    /// Thrown when the limit passed first.
    struct Passed: Error {
        var limit: Duration
    }

    /// `work`'s result, or `Passed` when `limit` passes first (`work` is then cancelled, and
    /// is not waited for). The limit is kept to within `DeadlineTimer.granularity` after it.
    static func run<Value: Sendable>(
        within limit: Duration, timer: DeadlineTimer = .shared, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let race = Race<Value>(limit: limit, timer: timer)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                race.start(continuation)
                timer.watch(race, for: limit)
                race.hold(worker: Task {
                    do { race.finish(.success(try await work())) } catch { race.finish(.failure(error)) }
                })
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The continuation, resumed once by whichever of the work, the timer and the caller's
    /// cancellation comes first; the work is then cancelled and the timer forgets the race.
    private final class Race<Value: Sendable>: DeadlineTimer.Watched {
        private struct State {
            var continuation: CheckedContinuation<Value, any Error>?
            /// What came before the continuation was there (only the caller's cancellation can).
            var early: Result<Value, any Error>?
            var finished = false
            var worker: Task<Void, Never>?
            /// The timer's slot, once it watches the race.
            var slot: Int64?
        }

        let limit: Duration
        let timer: DeadlineTimer
        private let state = Mutex(State())

        init(limit: Duration, timer: DeadlineTimer) {
            self.limit = limit
            self.timer = timer
        }

        func start(_ continuation: CheckedContinuation<Value, any Error>) {
            let early = state.withLock { state -> Result<Value, any Error>? in
                if state.finished { return state.early.take() }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func hold(worker: Task<Void, Never>) {
            let finished = state.withLock { state -> Bool in
                state.worker = worker
                return state.finished
            }
            if finished { worker.cancel() }
        }

        /// Records the timer's slot; `false` when the race was already over (the caller then
        /// takes it out of the slot).
        func watched(in slot: Int64) -> Bool {
            state.withLock { state in
                guard !state.finished else { return false }
                state.slot = slot
                return true
            }
        }

        func expire() {
            finish(.failure(Deadline.Passed(limit: limit)))
        }

        func finish(_ outcome: Result<Value, any Error>) {
            let taken = state.withLock { state -> (CheckedContinuation<Value, any Error>?, Task<Void, Never>?, Int64?)? in
                guard !state.finished else { return nil }
                state.finished = true
                if state.continuation == nil { state.early = outcome }
                defer {
                    state.continuation = nil
                    state.worker = nil
                    state.slot = nil
                }
                return (state.continuation, state.worker, state.slot)
            }
            guard let (continuation, worker, slot) = taken else { return }
            worker?.cancel()
            if let slot { timer.forget(self, in: slot) }
            continuation?.resume(with: outcome)
        }
    }
}

/// One timer for every time limit of the process: limits end in slots of `granularity`, and
/// the first limit of a slot starts one task that sleeps until the slot ends and then expires
/// what is still in it. A race that finishes first leaves its slot at once, so nothing of a
/// finished call is kept until its limit.
final class DeadlineTimer: Sendable {
    /// What the timer watches.
    protocol Watched: AnyObject, Sendable {
        /// Records the slot; `false` when it is already over.
        func watched(in slot: Int64) -> Bool
        /// Its limit passed.
        func expire()
    }

    static let shared = DeadlineTimer(granularity: .milliseconds(50))

    /// How late after its limit a race may be expired.
    let granularity: Duration
    private let origin = ContinuousClock.now
    private let slots = Mutex<[Int64: [ObjectIdentifier: any Watched]]>([:])

    init(granularity: Duration) {
        self.granularity = granularity
    }

    /// Watches `race`, whose limit `limit` starts now.
    func watch(_ race: any Watched, for limit: Duration) {
        let slot = Int64(((ContinuousClock.now - origin + limit) / granularity).rounded(.up))
        let opens = slots.withLock { slots -> Bool in
            let opens = slots[slot] == nil
            slots[slot, default: [:]][ObjectIdentifier(race)] = race
            return opens
        }
        if opens {
            let end = origin + granularity * slot
            // Detached: the slot serves every call that ends in it, not the request that opened it.
            Task.detached { [self] in
                try? await Task.sleep(until: end, clock: .continuous)
                let due = slots.withLock { $0.removeValue(forKey: slot) } ?? [:]
                for race in due.values { race.expire() }
            }
        }
        if !race.watched(in: slot) { forget(race, in: slot) }
    }

    /// Takes a finished race out of its slot.
    func forget(_ race: any Watched, in slot: Int64) {
        slots.withLock { slots in _ = slots[slot]?.removeValue(forKey: ObjectIdentifier(race)) }
    }

    /// The races being watched, for tests.
    var watching: Int {
        slots.withLock { $0.values.reduce(0) { $0 + $1.count } }
    }
}
