import Hummingbird
import RespectEvaluation
import RespectModel

/// What changed between two versions of a self-assessment (`AssessmentDiff`, both assessed now
/// with the agreed findings): the verdict before and after, the indicators whose status moved,
/// and the evidence added, removed, replaced or expired. Shown after every save (the version
/// before and the one saved), and for any two versions from the versions page.
enum ChangesPage {
    struct View: Sendable, Encodable {
        var path: String
        var heading: String
        var afterSave: Bool
        var fromVersion: Int
        var toVersion: Int
        var from: BadgeView
        var to: BadgeView
        var verdictChanged: Bool
        var verdictSentence: String
        var indicators: [IndicatorChangeRow]
        var hasIndicators: Bool
        var added: [String]
        var removed: [String]
        var replaced: [String]
        var expired: [String]
        var hasEvidenceChanges: Bool
        var nothingChanged: Bool
    }

    struct IndicatorChangeRow: Sendable, Encodable {
        var number: String
        var id: String
        var from: BadgeView?
        var to: BadgeView?
    }

    static func render(_ diff: AssessmentDiff, path: String, from: Int, to: Int, afterSave: Bool, context: RespectRequestContext,
                       service: WebService) -> Response {
        let catalogue = service.catalogue
        let rows = diff.indicatorChanges.map { change in
            IndicatorChangeRow(number: change.number, id: change.id, from: change.from.map { BadgeView($0, catalogue: catalogue) },
                               to: change.to.map { BadgeView($0, catalogue: catalogue) })
        }
        func describe(_ items: [EvidenceItemSummary]) -> [String] { items.map { "\($0.title) (\($0.id))" } }
        let expired = diff.evidenceExpired.map { "\($0.title) (\($0.id))" }
        let verdictChanged = diff.outcomeChange != nil
        let sentence = verdictChanged
            ? catalogue.format("changes_verdictMoved", ["from": diff.old.outcome.label, "to": diff.new.outcome.label])
            : catalogue.format("changes_verdictSame", ["verdict": diff.new.outcome.label])
        let view = View(path: path,
                        heading: afterSave ? catalogue.format("changes_savedHeading", ["version": String(to)])
                                           : catalogue.format("changes_compareHeading", ["from": String(from), "to": String(to)]),
                        afterSave: afterSave, fromVersion: from, toVersion: to,
                        from: BadgeView(verdict: diff.old.outcome.verdict, label: diff.old.outcome.label),
                        to: BadgeView(verdict: diff.new.outcome.verdict, label: diff.new.outcome.label),
                        verdictChanged: verdictChanged, verdictSentence: sentence,
                        indicators: rows, hasIndicators: !rows.isEmpty,
                        added: describe(diff.evidenceAdded), removed: describe(diff.evidenceRemoved),
                        replaced: describe(diff.evidenceReplaced), expired: expired,
                        hasEvidenceChanges: !(diff.evidenceAdded.isEmpty && diff.evidenceRemoved.isEmpty && diff.evidenceReplaced.isEmpty
                                              && expired.isEmpty),
                        nothingChanged: diff.isEmpty)
        return service.page("changes", PageFrame(title: view.heading + " · " + sentence, context: context, catalogue: catalogue,
                                                 section: "/home"), view)
    }
}
