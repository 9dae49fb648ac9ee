import RespectAssessment
import RespectStore

/// A recorded finding as the assessor pages list it: its target, decision, reason and dates,
/// who recorded it, and where its moderation stands (with the moderation form when the viewer
/// is not the one who recorded it and nobody has moderated it yet).
struct FindingRow: Sendable, Encodable {
    var id: Int64
    var target: String
    var decision: String
    var reason: String
    var assessor: String
    var date: String
    var expires: String?
    var state: String
    var stateBadge: BadgeView
    var moderationNote: String?
    var canModerate: Bool
    var href: String
    var showLink: Bool

    init(_ finding: AssessorFinding, viewer: UserAccount, catalogue: Catalogue, showLink: Bool) {
        self.showLink = showLink
        id = finding.id
        target = catalogue["findingKind_" + finding.kind.rawValue] + " " + finding.targetID
        decision = catalogue["decision_" + finding.decision.rawValue]
        reason = finding.reason
        assessor = finding.assessorEmail.value
        date = finding.date.description
        expires = finding.expires?.description
        let state = finding.moderated.state
        self.state = catalogue["moderation_" + state.rawValue]
        stateBadge = switch state {
        case .agreed: BadgeView(cssClass: "badge status-met", glyph: "✓", words: self.state)
        case .disputed: BadgeView(cssClass: "badge status-not-met", glyph: "✗", words: self.state)
        case .awaitingModeration: BadgeView(cssClass: "badge status-needs-assessor", glyph: "?", words: self.state)
        }
        moderationNote = finding.moderation.flatMap { $0.note.isEmpty ? nil : $0.note }
        canModerate = finding.moderation == nil && finding.assessorID != viewer.id
        href = "/assessments/\(finding.submissionID)/versions/\(finding.version)"
    }
}

/// A table of findings (the `findings-table` partial): its caption, the rows, and where a
/// moderation form returns to.
struct FindingsTable: Sendable, Encodable {
    var captionID: String
    var caption: String
    var rows: [FindingRow]
    var back: String
}
