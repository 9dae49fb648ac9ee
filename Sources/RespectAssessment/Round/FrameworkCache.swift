import Foundation
public import RespectEvaluation
public import RespectModel

/// The framework editions a batch needs, each loaded (and its evaluator made) once and shared
/// by every worker. Failures are cached too, so a thousand submissions targeting an edition
/// that is not installed cost one search of the standards folder, not a thousand.
public final class FrameworkCache: @unchecked Sendable {
    /// A located framework and the evaluator for it.
    public struct Loaded: Sendable {
        public var entry: FrameworkCatalog.Entry
        public var evaluator: Evaluator
        /// The framework file and its SHA-256, read once, for recorded runs.
        public var input: InputFile?
    }

    private let directory: String
    private let loader: DocumentLoader
    // Guards `loaded`. Held while loading: loads are rare (once per edition), and holding it
    // means two workers never load the same edition at once.
    private let lock = NSLock()
    private var loaded: [String: Result<Loaded, DocumentLoadError>] = [:]

    public init(directory: String, loader: DocumentLoader) {
        self.directory = directory
        self.loader = loader
    }

    /// The framework for a reference (`id@edition`, or a path) as `FrameworkCatalog.locate` finds it.
    public func framework(_ reference: String) throws(DocumentLoadError) -> Loaded {
        lock.lock()
        defer { lock.unlock() }
        if let result = loaded[reference] { return try result.get() }
        let result: Result<Loaded, DocumentLoadError>
        do throws(DocumentLoadError) {
            let entry = try FrameworkCatalog.locate(reference, directory: directory, loader: loader)
            result = .success(Loaded(entry: entry, evaluator: Evaluator(framework: entry.framework),
                                     input: InputFile(role: "framework", path: entry.path)))
        } catch {
            result = .failure(error)
        }
        loaded[reference] = result
        return try result.get()
    }
}
