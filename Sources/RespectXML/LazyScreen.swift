#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A schema's validation screen, compiled from the schema file's bytes the first time a
/// document is validated through it, then shared by every thread: a run that loads the schema
/// but validates nothing never pays for it.
final class LazyScreen: @unchecked Sendable {
    /// Guards `pending` and `screen`.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    /// The schema's bytes and path until the screen is compiled.
    private var pending: (bytes: [UInt8], path: String)?
    private var screen: CompiledScreen?

    /// Keeps the bytes of the XSD at `path` to compile its screen from later.
    init(bytes: [UInt8], path: String) {
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        pending = (bytes, path)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// True once the screen has been compiled (or found to have nothing to check).
    var isCompiled: Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return pending == nil
    }

    /// The screen, compiled on the first call (other threads wait for it); nil when the schema
    /// has nothing the engine checks itself.
    func compiled() -> CompiledScreen? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let pending {
            screen = CompiledScreen.compile(bytes: pending.bytes, path: pending.path)
            self.pending = nil
        }
        return screen
    }
}
