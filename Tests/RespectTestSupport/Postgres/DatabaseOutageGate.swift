/// Keeps tests that stop the database server apart from tests that use it: any number of users
/// at once, or one test that stops it, never both. Tests take it through the traits
/// `.usesTheDatabase` and `.stopsTheDatabase` (and `TestServer` on PostgreSQL). Waiters are
/// served in arrival order, so a test that stops the server is not starved by a stream of users;
/// a test therefore enters once, never from inside the gate.
public actor DatabaseOutageGate {
    public static let shared = DatabaseOutageGate()

    private var users = 0
    private var stopped = false
    private var waiting: [(stops: Bool, resume: CheckedContinuation<Void, Never>)] = []

    /// Waits until the caller may use the database (`stops == false`) or stop it (`true`).
    func enter(stops: Bool) async {
        if waiting.isEmpty && canEnter(stops: stops) {
            admit(stops: stops)
            return
        }
        await withCheckedContinuation { waiting.append((stops, $0)) }
    }

    /// Leaves, and lets in whoever may enter next.
    func leave(stops: Bool) {
        if stops { stopped = false } else { users -= 1 }
        while let next = waiting.first, canEnter(stops: next.stops) {
            waiting.removeFirst()
            admit(stops: next.stops)
            next.resume.resume()
        }
    }

    private func canEnter(stops: Bool) -> Bool {
        stops ? users == 0 && !stopped : !stopped
    }

    private func admit(stops: Bool) {
        if stops { stopped = true } else { users += 1 }
    }

    /// Runs `body` inside the gate.
    func run(stops: Bool, _ body: @Sendable () async throws -> Void) async throws {
        try await value(stops: stops, body)
    }

    /// Runs `body` inside the gate and returns its value.
    public func value<Value: Sendable>(stops: Bool, _ body: @Sendable () async throws -> Value) async throws -> Value {
        await enter(stops: stops)
        do {
            let value = try await body()
            leave(stops: stops)
            return value
        } catch {
            leave(stops: stops)
            throw error
        }
    }
}
