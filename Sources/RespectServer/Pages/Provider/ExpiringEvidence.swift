import RespectEvaluation
import RespectModel

/// Evidence that stops counting within the engine's warning horizon (90 days after the as-of
/// date): review-by dates coming up, and items about to pass an age limit. Read from the
/// assessment's own warnings, so the dashboard, the calendar feed and the report agree.
struct ExpiringEvidence: Sendable {
    var evidenceID: String
    var title: String
    /// The last day the item counts (an age limit), or its review-by date.
    var date: CalendarDate
    var kind: Kind
    var indicators: [String]

    enum Kind: String, Sendable {
        case reviewDue = "review-due"
        case ageLimit = "age-limit"
    }

    /// Soonest first, then by item id.
    static func list(_ assessment: Assessment) -> [ExpiringEvidence] {
        assessment.warnings.compactMap { warning -> ExpiringEvidence? in
            switch warning.cause {
            case .reviewDueSoon(let item, let reviewBy, _):
                ExpiringEvidence(evidenceID: item.id, title: item.title, date: reviewBy, kind: .reviewDue, indicators: [])
            case .ageLimitSoon(let item, let lastDay, _, let indicators):
                ExpiringEvidence(evidenceID: item.id, title: item.title, date: lastDay, kind: .ageLimit, indicators: indicators)
            default:
                nil
            }
        }.sorted { ($0.date, $0.evidenceID) < ($1.date, $1.evidenceID) }
    }
}

extension CalendarDate {
    /// `YYYYMMDD`, as iCalendar writes a date.
    var compact: String { description.replacingOccurrences(of: "-", with: "") }
}
