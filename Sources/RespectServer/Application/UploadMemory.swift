import Synchronization

/// The request bodies the server holds at once, counted in bytes across every request.
///
/// A body is read whole before its file is assessed or stored, and it is held until its request
/// is answered, including while it waits its turn in the `WorkBudget`. Each upload is bounded
/// (`BodyReader`), but without a bound on all of them together, many signed-in users sending
/// the largest upload at the same moment would hold one each, bounded only by the number of
/// connections. Here they are counted, and an upload that would take the count past
/// `capacity` is answered 503 (`busy`, with `Retry-After`) at once, before it is read: it is
/// refused rather than kept waiting, since a client kept waiting is cut off by the minimum
/// upload rate anyway.
///
/// Only bodies read with a limit over `ServerConfiguration.smallBodyBytes` are counted (XML
/// files, evidence files, forms with files). Sign-in forms, other forms and JSON bodies are
/// small and bounded by their own limit, and they must keep working while large uploads crowd
/// the server.
final class UploadMemory: Sendable {
    /// The most bytes of counted bodies held at once.
    let capacity: Int
    private let held = Mutex(0)

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Counts `bytes` if they fit within `capacity` with what is held; false, counting nothing,
    /// if they do not.
    func take(_ bytes: Int) -> Bool {
        held.withLock { held in
            guard bytes <= capacity - held else { return false }
            held += bytes
            return true
        }
    }

    /// Gives back bytes `take` counted.
    func give(_ bytes: Int) {
        held.withLock { $0 -= bytes }
    }
}

/// What one request's bodies hold of the server's `UploadMemory`. `RouteGuard` opens one for
/// every request, makes it `current` while the request is handled, and settles it when the
/// answer is made, whatever happened; `BodyReader` counts what it reads against it.
final class UploadAccount: Sendable {
    /// The account of the request this task is handling; nil outside a route's handling, where
    /// nothing is counted.
    @TaskLocal static var current: UploadAccount?

    let memory: UploadMemory
    private let taken = Mutex(0)

    init(memory: UploadMemory) {
        self.memory = memory
    }

    /// Counts `bytes` more for this request; false, counting nothing, if the server holds too
    /// much already.
    func take(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        guard memory.take(bytes) else { return false }
        taken.withLock { $0 += bytes }
        return true
    }

    /// Gives back everything this request counted.
    func settle() {
        let bytes = taken.withLock { taken in
            defer { taken = 0 }
            return taken
        }
        memory.give(bytes)
    }
}
