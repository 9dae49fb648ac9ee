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
/// stale answer. The cache is bounded (oldest out first) and lives in one process; each process
/// of a shared deployment keeps its own.
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

    private struct State {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    func entry(_ key: Key) -> Entry? {
        state.withLock { $0.entries[key] }
    }

    func keep(_ entry: Entry, for key: Key) {
        state.withLock { state in
            if state.entries.updateValue(entry, forKey: key) == nil {
                state.order.append(key)
            }
            while state.order.count > capacity {
                state.entries[state.order.removeFirst()] = nil
            }
        }
    }

    /// How many assessments are kept now.
    var count: Int { state.withLock { $0.entries.count } }
}
