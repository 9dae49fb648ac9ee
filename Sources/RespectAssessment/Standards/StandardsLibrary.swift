import Foundation
public import RespectEvaluation
public import RespectModel

/// The framework editions a process uses, found through a `StandardsIndex` of the standards
/// folder, each parsed, validated and given its evaluator once, then shared by every caller
/// and thread (a batch, a tender, a server's requests). Failures are remembered too, so a
/// thousand submissions naming an edition that is not installed cost one look-up.
///
/// It owns the edition rules every front end follows: which edition a submission is evaluated
/// against, when an edition is superseded, and when a submission written for an older edition
/// is carried over to a newer one.
public final class StandardsLibrary: @unchecked Sendable {
    public let directory: String
    public let loader: DocumentLoader
    // Guards everything below. Held while loading: loads happen once per edition, and holding
    // it means two callers never load the same edition at once.
    private let lock = NSLock()
    private var scanned: Outcome<StandardsIndex>?
    private var editions: [String: Outcome<LoadedEdition>] = [:]
    private var migrations: [String: EditionMigration] = [:]

    public init(directory: String, loader: DocumentLoader) {
        self.directory = directory
        self.loader = loader
    }

    /// The index of the standards folder, scanned on first use.
    public func index() throws(DocumentLoadError) -> StandardsIndex {
        lock.lock()
        defer { lock.unlock() }
        return try lockedIndex()
    }

    /// The edition a reference names: a framework file (a path ending in `.xml` or holding a
    /// `/`, when it exists), `id@edition`, a bare `id` when one edition is installed, or a file
    /// name in the standards folder.
    public func edition(_ reference: String) throws(DocumentLoadError) -> LoadedEdition {
        lock.lock()
        defer { lock.unlock() }
        return try lockedEdition(reference)
    }

    /// The edition to evaluate a submission targeting `target` against: `requested` (a file or
    /// reference) when given, else the target itself. When the submission targets an older
    /// installed edition of the same framework than the one chosen (by publication date), it is
    /// carried over through the older edition's declared links.
    public func resolve(target: FrameworkTarget, requested: String?) throws(DocumentLoadError) -> ResolvedEdition {
        lock.lock()
        defer { lock.unlock() }
        let chosen = try lockedEdition(requested ?? target.reference)
        return ResolvedEdition(edition: chosen, migration: try lockedMigration(for: target, to: chosen))
    }

    /// How a submission targeting `target` is carried over to `edition` (which may be a
    /// tender's copy of an installed edition), or `nil` when no carrying over applies: another
    /// framework, the same edition, or an older edition that is not installed or not older.
    public func migration(for target: FrameworkTarget, to edition: LoadedEdition) throws(DocumentLoadError) -> EditionMigrationPlan? {
        lock.lock()
        defer { lock.unlock() }
        return try lockedMigration(for: target, to: edition)
    }

    // MARK: - Under the lock

    private func lockedIndex() throws(DocumentLoadError) -> StandardsIndex {
        if let scanned { return try scanned.get() }
        let result: Outcome<StandardsIndex>
        do throws(DocumentLoadError) {
            result = .success(try StandardsIndex(directory: directory, reader: loader.reader))
        } catch {
            result = .failure(error)
        }
        scanned = result
        return try result.get()
    }

    private func lockedEdition(_ reference: String) throws(DocumentLoadError) -> LoadedEdition {
        if let known = editions[reference] { return try known.get() }
        let result: Outcome<LoadedEdition>
        do throws(DocumentLoadError) {
            result = .success(try load(reference))
        } catch {
            result = .failure(error)
        }
        editions[reference] = result
        return try result.get()
    }

    private func load(_ reference: String) throws(DocumentLoadError) -> LoadedEdition {
        let document: InputDocument
        if reference.hasSuffix(".xml") || reference.contains("/"), FileManager.default.fileExists(atPath: reference) {
            document = try InputDocument.read(path: reference, reader: loader.reader)
        } else {
            document = try lockedIndex().entry(reference: reference).document
        }
        // Loaded by path once, whatever reference found it.
        if let known = editions[document.name], case .success(let edition) = known, edition.input.sha256 == document.sha256 {
            return edition
        }
        var framework = try loader.loadFramework(bytes: document.bytes, path: document.name, sha256: document.sha256)
        if framework.identity.supersededBy == nil, let index = try? lockedIndex(),
           let successor = index.successor(of: framework.identity.id, edition: framework.identity.edition) {
            framework.identity.supersededBy = successor
        }
        let edition = LoadedEdition(framework: framework, input: document.record(role: "framework"))
        editions[document.name] = .success(edition)
        return edition
    }

    private func lockedMigration(for target: FrameworkTarget, to edition: LoadedEdition) throws(DocumentLoadError) -> EditionMigrationPlan? {
        let identity = edition.framework.identity
        guard target.framework == identity.id, target.edition != identity.edition,
              let older = try lockedIndex().entry(id: target.framework, edition: target.edition),
              let olderPublished = older.published, olderPublished < identity.published else { return nil }
        let from = try lockedEdition(older.path)
        let key = "\(from.input.sha256) \(edition.input.sha256) \(edition.variant ?? "")"
        if let migration = migrations[key] { return EditionMigrationPlan(from: from, migration: migration) }
        let migration = EditionMigration(links: EditionLinks(old: from.framework, new: edition.framework))
        migrations[key] = migration
        return EditionMigrationPlan(from: from, migration: migration)
    }
}

/// A load's outcome, remembered. Not `Result`: instantiating `Result<_, DocumentLoadError>`
/// makes the Swift runtime search the program's eight thousand conformances for
/// `DocumentLoadError: Error`, 50 µs of a short `respect check`.
private enum Outcome<Value> {
    case success(Value)
    case failure(DocumentLoadError)

    func get() throws(DocumentLoadError) -> Value {
        switch self {
        case .success(let value): value
        case .failure(let error): throw error
        }
    }
}
