import Dispatch

/// Waits, in a synchronous command, for asynchronous work such as a run store's write.
///
/// The synchronous commands run on the main thread (`RespectProgram`), which is not one of the
/// concurrency runtime's threads: the work runs on the runtime's own threads while the main
/// thread waits, so waiting cannot hold up the work it waits for. Never call this from a task.
enum AsyncWork {
    static func wait<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                outcome.result = .success(try await work())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }

    /// The work's result, written by the task before it signals and read after the wait.
    private final class Outcome<Value: Sendable>: @unchecked Sendable {
        var result: Result<Value, any Error>?
    }
}
