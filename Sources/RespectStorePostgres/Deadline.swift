/// Runs work with a time limit: the first of the work and the limit to finish wins, and the
/// other is cancelled.
enum Deadline {
    /// Thrown when the limit passed first.
    struct Passed: Error {
        var limit: Duration
    }

    /// `work`'s result, or `Passed` when `limit` passes first (`work` is then cancelled, and
    /// this returns once it has stopped).
    static func run<Value: Sendable>(
        within limit: Duration, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Passed(limit: limit)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
