import Hummingbird
import RespectEvaluation
import RespectModel
import RespectStore

/// A self-assessment's dashboard: the verdict in plain words, what lifts it (the conditions of
/// the next rule and the missing evidence, safety-critical first), evidence expiring in the next
/// 90 days with its calendar feed, and what the provider can do with this version.
///
/// The part of the page read from the assessment alone (`Reading`) is encoded once and kept
/// beside the assessment (`AssessmentCache.derived`); the record's own part (`View`: title,
/// version, state) is read for every view. The template sees them as one object.
enum DashboardPage {
    /// The self-assessment's own part: what the record and the version say.
    struct View: Sendable, Encodable {
        var id: Int64
        var path: String
        var title: String
        var versionNumber: Int
        var versionState: String
        var isSubmitted: Bool
        var framework: String
        var latestVersion: Int
        var isLatest: Bool
    }

    /// The assessment's part, decided by the assessment, the page's path (its links) and the
    /// catalogue alone (the service's one, fixed for the life of the process).
    struct Reading: Sendable, Encodable {
        var asOf: String
        var verdict: VerdictView
        var isAchieved: Bool
        /// The conditions of the rules above the current verdict, with their figures.
        var nextRules: [VerdictView.Rule]
        /// The message of the gate (a precondition) that decided the verdict, when one did.
        var failedGate: String?
        var safetyCritical: [IndicatorLine]
        var hasSafetyCritical: Bool
        var missing: [MissingLine]
        var missingCount: Int
        var hasMissing: Bool
        var moreMissing: Bool
        var expiring: [ExpiringLine]
        var hasExpiring: Bool
        var counts: String
    }

    struct ExpiringLine: Sendable, Encodable {
        var evidenceID: String
        var title: String
        var date: String
        var what: String
    }

    /// How many missing items the dashboard lists before pointing to the editor.
    static let missingShown = 12

    static func render(_ state: SelfAssessment, context: RespectRequestContext, service: WebService) -> Response {
        let catalogue = service.catalogue
        let assessment = state.assessment
        let view = View(
            id: state.record.id, path: state.path, title: state.record.title, versionNumber: state.version.number,
            versionState: catalogue["versionState_" + state.version.state.rawValue], isSubmitted: state.isSubmitted,
            framework: state.framework.title + " (" + state.framework.identity.reference + ")",
            latestVersion: state.record.latestVersion, isLatest: state.version.number == state.record.latestVersion)
        let title = catalogue.format("dashboard_title", ["title": state.record.title, "verdict": assessment.outcome.label])
        return service.page("dashboard", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view,
                            keeping: "dashboard " + state.path, of: state) {
            Reading(assessment, path: state.path, catalogue: catalogue)
        }
    }
}

extension DashboardPage.Reading {
    init(_ assessment: Assessment, path: String, catalogue: Catalogue) {
        let missing = MissingLine.ordered(assessment, path: path, catalogue: catalogue, limit: DashboardPage.missingShown)
        let missingCount = MissingLine.count(assessment)
        let expiring = ExpiringEvidence.list(assessment)
        let verdict = VerdictView(assessment.outcome, catalogue: catalogue)
        let failures = Set(assessment.safetyCriticalFailures.map(\.id))
        self.init(
            asOf: assessment.asOf.description, verdict: verdict, isAchieved: assessment.outcome.verdict == .achieved,
            nextRules: Array(verdict.rules.dropLast()),
            failedGate: assessment.outcome.failedGate.map { catalogue.wording.gateFailure($0) },
            safetyCritical: assessment.indicators.filter { failures.contains($0.id) }.map { IndicatorLine($0, catalogue: catalogue) },
            hasSafetyCritical: !failures.isEmpty,
            missing: missing, missingCount: missingCount, hasMissing: missingCount > 0,
            moreMissing: missingCount > DashboardPage.missingShown,
            expiring: expiring.map { item in
                DashboardPage.ExpiringLine(evidenceID: item.evidenceID, title: item.title, date: item.date.description,
                                           what: catalogue["expiring_" + item.kind.rawValue])
            },
            hasExpiring: !expiring.isEmpty,
            counts: catalogue.format("dashboard_counts", [
                "met": String(assessment.totals.met), "applicable": String(assessment.totals.applicable),
                "mandatoryMet": String(assessment.totals.mandatoryMet), "mandatory": String(assessment.totals.mandatoryApplicable),
            ]))
    }
}
