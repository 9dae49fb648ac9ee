import Hummingbird
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectStore

/// One submitted version under review: the verdict with the agreed findings beside the engine's
/// own, the findings recorded and their moderation, then per indicator the engine's status, the
/// evidence it used (with file digests) and a finding form, and a finding form per evidence item.
enum ReviewPage {
    struct View: Sendable, Encodable {
        var path: String
        var title: String
        var organisation: String
        var version: Int
        var submitted: String
        var versionSHA256: String
        var withFindings: VerdictView
        var engineOnly: VerdictView
        var findingsDiffer: Bool
        var findingsTable: FindingsTable
        var hasFindings: Bool
        var sections: [SectionView]
        var evidence: [EvidenceView]
        var decisions: [Choice]
    }

    struct SectionView: Sendable, Encodable {
        var number: String
        var title: String
        var indicators: [IndicatorView]
    }

    struct IndicatorView: Sendable, Encodable {
        var line: IndicatorLine
        var automated: BadgeView
        var withFindings: BadgeView
        var changed: Bool
        var evidence: [EvidenceUse]
        var form: FindingForm
    }

    struct EvidenceUse: Sendable, Encodable {
        var id: String
        var title: String
        var sha256: String?
    }

    struct EvidenceView: Sendable, Encodable {
        var id: String
        var title: String
        var typeLabel: String
        var issued: String
        var sha256: String?
        var supports: String
        var form: FindingForm
    }

    /// A finding form for one target, with what was typed and its errors when it came back.
    struct FindingForm: Sendable, Encodable {
        var kind: String
        var target: String
        var fieldPrefix: String
        var open: Bool
        var form: FormState
        var decisions: [Choice]
    }

    struct Choice: Sendable, Encodable {
        var value: String
        var label: String
        var chosen: Bool
        var fieldID: String
    }

    static func render(submission: SubmissionRecord, version: SubmissionVersion, posted: (kind: String, target: String, form: FormState)?,
                       context: RespectRequestContext, service: WebService, status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = service.catalogue
        let user = try context.user
        let withFindings = try await service.checked(version, of: submission)
        let engineOnly = try await service.checked(version, of: submission, findings: false)
        let (recorded, organisation) = try await service.run { () async throws(ServiceStoreError) in
            (try await service.store.findings(submissionID: submission.id), try await service.store.organisation(submission.organisation))
        }
        let automatic = Dictionary(engineOnly.assessment.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = Dictionary(withFindings.submission.evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func form(kind: String, target: String) -> FindingForm {
            let prefix = "\(kind)-\(target)"
            let isPosted = posted?.kind == kind && posted?.target == target
            let state = isPosted ? posted?.form ?? FormState() : FormState()
            let decisions = FindingDecision.allCases.map { decision in
                Choice(value: decision.rawValue, label: catalogue["decision_" + decision.rawValue],
                       chosen: state.values["decision"] == decision.rawValue, fieldID: "\(prefix)-\(decision.rawValue)")
            }
            return FindingForm(kind: kind, target: target, fieldPrefix: prefix, open: isPosted, form: state, decisions: decisions)
        }
        let framework = withFindings.resolved.edition.framework
        let results = Dictionary(withFindings.assessment.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sections = framework.sections.map { section in
            SectionView(number: section.number, title: section.title, indicators: section.standards.flatMap(\.indicators).compactMap { indicator in
                guard let result = results[indicator.id], result.status != .notApplicable || automatic[indicator.id]?.status != .notApplicable
                else { return nil }
                let engine = automatic[indicator.id]?.status ?? result.status
                return IndicatorView(line: IndicatorLine(result, catalogue: catalogue), automated: BadgeView(engine, catalogue: catalogue),
                                     withFindings: BadgeView(result.status, catalogue: catalogue), changed: engine != result.status,
                                     evidence: (automatic[indicator.id]?.evidenceUsed ?? []).map { id in
                                         EvidenceUse(id: id, title: items[id]?.title ?? id, sha256: items[id]?.file?.sha256)
                                     },
                                     form: form(kind: FindingTargetKind.indicator.rawValue, target: indicator.id))
            })
        }.filter { !$0.indicators.isEmpty }
        let evidence = withFindings.submission.evidence.map { item in
            EvidenceView(id: item.id, title: item.title, typeLabel: framework.vocabulary.evidenceLabel(item.type),
                         issued: item.issued.description, sha256: item.file?.sha256, supports: item.supports.joined(separator: " "),
                         form: form(kind: FindingTargetKind.evidence.rawValue, target: item.id))
        }
        let own = recorded.filter { $0.version == version.number }.map { FindingRow($0, viewer: user, catalogue: catalogue, showLink: false) }
        let view = View(path: "/assessments/\(submission.id)/versions/\(version.number)", title: submission.title,
                        organisation: "\(organisation?.name ?? "") (\(submission.organisation.value))", version: version.number,
                        submitted: version.submittedAt.map(PageDates.dateTime) ?? "", versionSHA256: version.sha256,
                        withFindings: VerdictView(withFindings.assessment.outcome, catalogue: catalogue),
                        engineOnly: VerdictView(engineOnly.assessment.outcome, catalogue: catalogue),
                        findingsDiffer: withFindings.assessment.outcome.id != engineOnly.assessment.outcome.id,
                        findingsTable: FindingsTable(captionID: "findings-caption", caption: catalogue["review_findingsCaption"], rows: own,
                                                      back: "/assessments/\(submission.id)/versions/\(version.number)"),
                        hasFindings: !own.isEmpty, sections: sections, evidence: evidence, decisions: [])
        let title = (posted?.form.hasProblems == true ? catalogue["form_errorPrefix"] + " " : "")
            + catalogue.format("review_title", ["title": submission.title, "version": String(version.number)])
        return service.page("review", PageFrame(title: title, context: context, catalogue: catalogue, section: "/assessments"), view,
                            status: status)
    }

    /// Records a finding from the posted form, or shows the page again with that form filled and its errors.
    static func record(submission: SubmissionRecord, version: SubmissionVersion, context: RespectRequestContext,
                       service: WebService) async throws -> Response {
        let user = try context.user
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        guard let kind = FindingTargetKind(rawValue: posted.text("kind")) else { throw ServiceError(.badRequest) }
        let target = posted.text("target")
        let checked = try await service.checked(version, of: submission, findings: false)
        var fileSHA256: String?
        switch kind {
        case .indicator:
            guard checked.resolved.edition.framework.indicator(id: target) != nil else { throw ServiceError(.badRequest) }
        case .evidence:
            guard let item = checked.submission.evidence.first(where: { $0.id == target }) else { throw ServiceError(.badRequest) }
            fileSHA256 = item.file?.sha256
        }
        let decision = FindingDecision(rawValue: posted.text("decision"))
        if decision == nil { form.fail("decision", catalogue["finding_decisionMissing"]) }
        let reason = posted.text("reason")
        if reason.isEmpty { form.fail("reason", catalogue["finding_reasonMissing"]) }
        if reason.count > 2000 { form.fail("reason", catalogue["form_tooLong"]) }
        var expires: CalendarDate?
        let expiresText = posted.text("expires")
        if !expiresText.isEmpty {
            expires = CalendarDate(expiresText)
            if expires == nil { form.fail("expires", catalogue["finding_expiresInvalid"]) }
        }
        if !form.hasProblems, let decision {
            let finding = NewFinding(submissionID: submission.id, version: version.number, kind: kind, targetID: target,
                                     decision: decision, reason: reason, assessorID: user.id, date: service.today, expires: expires,
                                     fileSHA256: fileSHA256, recordedAt: service.now)
            _ = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.recordFinding(finding, by: context.author)
            }
            return PageResponse.redirect(to: "/assessments/\(submission.id)/versions/\(version.number)#findings-heading")
        }
        return try await render(submission: submission, version: version, posted: (kind.rawValue, target, form), context: context,
                                service: service, status: .unprocessableContent)
    }
}
