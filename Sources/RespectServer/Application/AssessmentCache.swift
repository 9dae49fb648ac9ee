import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectStore
import Synchronization

/// Assessments of stored versions, kept so that reading a page again does not read, validate
/// and evaluate the same file again.
///
/// A stored version never changes (its bytes are named by their SHA-256), and the installed
/// frameworks are loaded once per process, so an assessment is fully decided by the version's
/// digest and file name, the as-of date, today's date and the findings applied. The key holds
/// all of them: a new finding, a moderation or the turn of the day is a different key, never a
/// stale answer. The cache lives in one process; each process of a shared deployment keeps its own.
///
/// It is bounded twice, oldest out first: by count, and by the bytes of the files its
/// assessments were read from (`byteBudget`), since an assessment holds the whole submission
/// in memory, about one and a half times its file's size. Counted alone, 64 of the heaviest
/// legal files (32 MiB each) would have been kept: measured, each kept one added about 50 MB to
/// the server, eight took it from 199 to 460 MB. An assessment of a file larger than the budget
/// is not kept at all.
///
/// Beside each assessment it keeps what pages derive from it alone (`derived`), as template
/// values: the dashboard's verdict, missing lines and expiring evidence; the editor's sections,
/// evidence, facts and actions. They go with their assessment.
final class AssessmentCache: Sendable {
    struct Key: Hashable, Sendable {
        var sha256: String
        var fileName: String
        var asOf: CalendarDate?
        var today: CalendarDate
        var findings: [AssessorFinding]
        /// Whether the assessment carries the path to the next verdict.
        var planned: Bool
    }

    enum Entry: Sendable {
        case checked(SubmissionAssessment)
        case planned(Assessment)
    }

    private struct Kept {
        var entry: Entry
        var bytes: Int
        /// Values derived from the assessment alone, by name: a page, with the path it links to
        /// when its value holds links (the dashboard's does, the editor's does not).
        var derived: [String: TemplateValue] = [:]
    }

    private struct State {
        var entries: [Key: Kept] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    let capacity: Int
    /// The most derived values kept beside one assessment; a new one past it replaces them all.
    /// (One file uploaded into many self-assessments has a dashboard for each of their paths.)
    static let derivedCapacity = 16
    /// The most file bytes the kept assessments may have been read from, together.
    let byteBudget: Int
    private let state = Mutex(State())

    init(capacity: Int = 64, byteBudget: Int = 48 << 20) {
        self.capacity = max(1, capacity)
        self.byteBudget = max(0, byteBudget)
    }

    func entry(_ key: Key) -> Entry? {
        state.withLock { $0.entries[key]?.entry }
    }

    /// Keeps `entry`, the assessment of a file of `bytes` bytes, unless that file alone is over
    /// the budget; the oldest entries go until both bounds hold.
    func keep(_ entry: Entry, for key: Key, bytes: Int) {
        guard bytes <= byteBudget else { return }
        state.withLock { state in
            if let replaced = state.entries.updateValue(Kept(entry: entry, bytes: bytes), forKey: key) {
                state.bytes -= replaced.bytes
            } else {
                state.order.append(key)
            }
            state.bytes += bytes
            while state.order.count > capacity || state.bytes > byteBudget {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.bytes ?? 0
            }
        }
    }

    /// The value `name` derived from the assessment kept under `key`: kept beside it the first
    /// time (`make` runs outside the lock), found again after. While no assessment is kept under
    /// `key` (a file over the budget, or one already let go), `make` runs every time and nothing is kept.
    /// `make` must depend on nothing but that assessment, what `name` says (a page, and its path
    /// when the value links to it) and what is fixed for the process (the service's catalogue).
    func derived(_ key: Key, _ name: String, make: () -> TemplateValue?) -> TemplateValue? {
        let (isKept, found) = state.withLock { state -> (Bool, TemplateValue?) in
            guard let kept = state.entries[key] else { return (false, nil) }
            return (true, kept.derived[name])
        }
        if let found { return found }
        guard let value = make() else { return nil }
        if isKept {
            state.withLock { state in
                guard var kept = state.entries.removeValue(forKey: key) else { return }
                if kept.derived[name] == nil, kept.derived.count >= Self.derivedCapacity { kept.derived.removeAll() }
                kept.derived[name] = value
                state.entries[key] = kept
            }
        }
        return value
    }

    /// The file bytes the kept assessments were read from, together.
    var bytes: Int { state.withLock { $0.bytes } }

    /// How many assessments are kept now.
    var count: Int { state.withLock { $0.entries.count } }
}
