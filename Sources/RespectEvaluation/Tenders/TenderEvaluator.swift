public import RespectModel
import RespectXML

/// Checks bids (submissions) against a commissioner's tender.
///
/// Pure and deterministic, like `Evaluator`: no I/O and no clock. Each accepted framework
/// edition is checked against the tender once, then copied with the tender's stricter
/// thresholds and local indicators applied; every bid is evaluated as of the tender's deadline
/// against the copy of the edition it targets.
public struct TenderEvaluator: Sendable {
    public let tender: Tender
    /// Accepted editions, by `id@edition`, with the tender applied.
    private let prepared: [String: Framework]
    /// Every framework threshold the tender replaced, edition by edition.
    public let thresholdChanges: [ThresholdChange]

    /// Prepares the accepted editions.
    ///
    /// - Parameter frameworks: the accepted editions (others are ignored).
    /// - Throws: `TenderMismatch` when an accepted edition is missing from `frameworks`, or the
    ///   tender does not fit one (unknown vocabulary or section, a threshold less strict than
    ///   the framework's, a local indicator id already used), with the tender's file and line.
    public init(tender: Tender, frameworks: [Framework]) throws(TenderMismatch) {
        self.tender = tender
        var prepared: [String: Framework] = [:]
        var changes: [ThresholdChange] = []
        var problems: [XMLDiagnostic] = []
        for target in tender.frameworks.editions {
            guard let framework = frameworks.first(where: { $0.identity.id == target.framework && $0.identity.edition == target.edition }) else {
                problems.append(XMLDiagnostic(location: SourceLocation(file: tender.source, line: 0),
                                              message: "accepted edition \(target.reference) was not provided"))
                continue
            }
            let consistency = TenderConsistency(tender: tender, framework: framework)
            guard consistency.problems.isEmpty else {
                problems += consistency.problems
                continue
            }
            var (copy, replaced) = framework.overridingThresholds(tender.thresholds)
            if let local = tender.localIndicators { copy = copy.adding(local) }
            prepared[target.reference] = copy
            changes += replaced
        }
        if !problems.isEmpty { throw TenderMismatch(file: tender.source, problems: problems) }
        self.prepared = prepared
        self.thresholdChanges = changes
    }

    /// The framework copy a bid targeting `target` is evaluated against, if the tender accepts it.
    public func framework(for target: FrameworkTarget) -> Framework? {
        prepared[target.reference]
    }

    /// Judges one bid from its evaluation, made by the caller as of the tender's deadline
    /// (`tender.timetable.deadline`): against `framework(for:)` of the edition the bid is
    /// judged under when the tender accepts it (`accepted`), or against another installed
    /// edition, so the report can still show the engine's outcome and any safety-critical
    /// failure. `bid` is the submission as evaluated (carried over to the accepted edition when
    /// it was written for an older one).
    ///
    /// - Parameter evaluation: `nil` when no edition could evaluate the bid; a failure when it
    ///   did not fit the edition's vocabulary.
    public func judge(_ bid: Submission, evaluation: Result<Assessment, SubmissionMismatch>?, accepted: Bool) -> TenderBidResult {
        var result = TenderBidResult(file: bid.source, provider: bid.provider.name, target: bid.target, compliant: false,
                                     unsafe: false, rank: nil, outcome: nil, outcomeLabel: nil, mandatoryMet: nil,
                                     mandatoryApplicable: nil, score: nil, reasons: [], sections: [],
                                     safetyCriticalFailures: [], problems: [], assessment: nil, input: nil)
        var reasons: [TenderReason] = []
        if !accepted {
            reasons.append(TenderReason(.editionNotAccepted(bid: bid.target.reference, accepted: tender.frameworks.editions.map(\.reference)),
                                        clause: tender.frameworks.clause))
        }
        var assessment: Assessment
        switch evaluation {
        case nil:
            result.reasons = reasons
            return result
        case .failure(let error):
            result.problems = error.problems.map(\.description)
            result.reasons = reasons + [TenderReason(.notEvaluated(edition: error.framework, problems: error.problems.map(\.message)))]
            return result
        case .success(let evaluated):
            assessment = evaluated
            if accepted { assessment.framework.evaluatedForTender = tender.reference }
        }
        result.assessment = assessment
        result.outcome = assessment.outcome.verdict
        result.outcomeLabel = assessment.outcome.label
        result.mandatoryMet = assessment.totals.mandatoryMet
        result.mandatoryApplicable = assessment.totals.mandatoryApplicable
        result.safetyCriticalFailures = assessment.safetyCriticalFailures
        result.unsafe = !assessment.safetyCriticalFailures.isEmpty
        reasons = safetyReasons(assessment) + reasons
        if accepted, let framework = framework(for: FrameworkTarget(framework: assessment.framework.id, edition: assessment.framework.edition)) {
            let judge = SectionOutcomeJudge(assessment: assessment, submission: bid, dueBy: tender.actionsDueBy)
            result.sections = tender.outcomes.sections.map(judge.judge)
            reasons += TenderRules(tender: tender, framework: framework, submission: bid, assessment: assessment,
                                   sections: result.sections, changes: thresholdChanges).reasons()
            result.score = TenderScoring(criteria: tender.ranking).score(assessment)
        }
        result.reasons = reasons
        result.compliant = accepted && reasons.isEmpty && !result.unsafe
        return result
    }

    /// The result for a bid that could not be read, with its located problems.
    public static func unreadable(file: String, problems: [String]) -> TenderBidResult {
        TenderBidResult(file: file, provider: "", target: nil, compliant: false, unsafe: false, rank: nil, outcome: nil,
                        outcomeLabel: nil, mandatoryMet: nil, mandatoryApplicable: nil, score: nil,
                        reasons: [TenderReason(.unreadable(problems: problems))],
                        sections: [], safetyCriticalFailures: [], problems: problems, assessment: nil, input: nil)
    }

    /// Ranks the bids and puts the comparison together.
    public func compare(_ bids: [TenderBidResult]) -> TenderResult {
        let ranked = TenderScoring.ranked(bids)
        let summary = TenderSummary(
            reference: tender.reference, title: tender.title, commissioner: tender.commissioner, notice: tender.notice,
            file: tender.source, deadline: tender.timetable.deadline, contractStart: tender.timetable.contractStart,
            frameworks: tender.frameworks.editions, acceptedOutcomes: tender.outcomes.overall,
            sectionOutcomes: tender.outcomes.sections.map { SectionRequirementSummary(section: $0.sectionID, accept: $0.accept, clause: $0.clause) },
            actionsDueByContractStart: tender.actionsDueBy != nil,
            ranking: tender.ranking.map { CriterionSummary(id: $0.id, label: $0.label, weight: $0.weight.doubleValue,
                                                           measure: $0.measure, section: $0.sectionID, clause: $0.clause) },
            clauses: tender.clauses)
        return TenderResult(advisory: .tenderComparison, engineVersion: EngineVersion.current, tender: summary,
                            asOf: tender.timetable.deadline, thresholdChanges: thresholdChanges, bids: ranked,
                            compliantCount: ranked.filter(\.compliant).count,
                            unsafeBids: ranked.filter(\.unsafe).map(\.file))
    }

    /// One reason per failing safety-critical indicator, with the engine's first reason.
    private func safetyReasons(_ assessment: Assessment) -> [TenderReason] {
        assessment.safetyCriticalFailures.map { failure in
            let result = assessment.indicator(failure.id)
            return TenderReason(.safetyCritical(indicator: IndicatorMention(id: failure.id, number: failure.number),
                                                status: result?.status ?? .notMet, firstReason: result?.reasons.first))
        }
    }
}
