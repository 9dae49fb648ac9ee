import Hummingbird
import RespectEvaluation
import RespectModel

/// The self-assessment editor, generated from the framework: the services offered, then each
/// section → indicator with its status and what to provide (with a link that opens the evidence
/// form for it), the evidence items, the facts and the action plan. Every change is a form that
/// saves the next version.
///
/// As on the dashboard, the part read from the version and its assessment alone (`Reading`) is
/// encoded once and kept beside the assessment (`AssessmentCache.derived`); the record's part and
/// the services form (which may hold what was just typed) are made for every view.
enum EditorPage {
    /// The record's part, and the services form.
    struct View: Sendable, Encodable {
        var path: String
        var title: String
        var versionNumber: Int
        var isSubmitted: Bool
        var services: ServicesForm.View
    }

    /// The part decided by the version's submission, its assessment, the framework and the
    /// catalogue (the service's one, fixed for the life of the process) alone: no path, no link.
    struct Reading: Sendable, Encodable {
        var verdict: VerdictView
        var sections: [SectionView]
        var evidence: [EvidenceRow]
        var hasEvidence: Bool
        var facts: [FactRow]
        var hasFacts: Bool
        var actions: [ActionRow]
        var hasActions: Bool
    }

    struct SectionView: Sendable, Encodable {
        var number: String
        var title: String
        var summary: String
        var open: Bool
        var indicators: [IndicatorView]
    }

    struct IndicatorView: Sendable, Encodable {
        var line: IndicatorLine
        var applicable: Bool
        var needsWork: Bool
        var evidenceType: String?
        var mandatory: Bool
    }

    struct EvidenceRow: Sendable, Encodable {
        var id: String
        var typeLabel: String
        var title: String
        var issued: String
        var reviewBy: String
        var supports: String
        var sha256: String?
    }

    struct FactRow: Sendable, Encodable {
        var label: String
        var value: String
        var source: String?
    }

    struct ActionRow: Sendable, Encodable {
        var index: Int
        var indicator: String
        var action: String
        var owner: String
        var due: String
    }

    static func render(_ state: SelfAssessment, services: ServicesForm.View? = nil, context: RespectRequestContext,
                       service: WebService, status: HTTPResponse.Status = .ok) -> Response {
        let catalogue = service.catalogue
        let view = View(path: state.path, title: state.record.title, versionNumber: state.version.number,
                        isSubmitted: state.isSubmitted, services: services ?? ServicesForm.view(state, form: nil, catalogue: catalogue))
        let title = catalogue.format("editor_title", ["title": state.record.title])
        // `Reading` holds no link (the template takes the path from `View`), so one value serves
        // every self-assessment of the same file; `ProviderPageTests.pagesOfOneFile` checks that.
        return service.page("editor", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view,
                            keeping: "editor", of: state, status: status) {
            Reading(state, catalogue: catalogue)
        }
    }
}

extension EditorPage.Reading {
    init(_ state: SelfAssessment, catalogue: Catalogue) {
        let framework = state.framework
        let results = Dictionary(state.assessment.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sections = framework.sections.map { section -> EditorPage.SectionView in
            let indicators = section.standards.flatMap(\.indicators).compactMap { indicator -> EditorPage.IndicatorView? in
                guard let result = results[indicator.id] else { return nil }
                return EditorPage.IndicatorView(line: IndicatorLine(result, catalogue: catalogue), applicable: result.status != .notApplicable,
                                                needsWork: result.status.isUnmet, evidenceType: MissingLine.firstEvidenceType(result.toProvide),
                                                mandatory: result.level == .mandatory)
            }
            let counts = state.assessment.sections.first { $0.id == section.id }?.counts ?? StatusCounts()
            return EditorPage.SectionView(number: section.number, title: section.title,
                                          summary: catalogue.format("editor_sectionSummary", ["met": String(counts.met),
                                                                                             "applicable": String(counts.applicable)]),
                                          open: counts.notMet + counts.partlyMet > 0, indicators: indicators)
        }
        let vocabulary = framework.vocabulary
        let evidence = state.submission.evidence.map { item in
            EditorPage.EvidenceRow(id: item.id, typeLabel: vocabulary.evidenceLabel(item.type), title: item.title,
                                   issued: item.issued.description, reviewBy: item.reviewBy?.description ?? "—",
                                   supports: item.supports.joined(separator: " "), sha256: item.file?.sha256)
        }
        let facts = state.submission.facts.map { fact in
            EditorPage.FactRow(label: vocabulary.fact(fact.id)?.label ?? fact.id,
                               value: fact.value.description + (fact.unit.map { " " + $0 } ?? ""), source: fact.sourceEvidenceID)
        }
        let actions = state.submission.actionPlan.enumerated().map { index, action in
            EditorPage.ActionRow(index: index + 1, indicator: framework.indicator(id: action.indicatorID)?.number ?? action.indicatorID,
                                 action: action.action, owner: action.owner, due: action.due.description)
        }
        self.init(verdict: VerdictView(state.assessment.outcome, catalogue: catalogue), sections: sections,
                  evidence: evidence, hasEvidence: !evidence.isEmpty, facts: facts, hasFacts: !facts.isEmpty,
                  actions: actions, hasActions: !actions.isEmpty)
    }
}
