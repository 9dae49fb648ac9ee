public import RespectAssessment
public import RespectEvaluation
public import RespectModel

/// Every word the reports show for the engine's typed values, in one language: the sentences
/// for reasons, provisions, warnings, outcome conditions, tender reasons and migration notes
/// (`ResultWording`, which JSON writes as `message`), and the labels and figures in words that
/// text, HTML and CSV show beside them.
///
/// `EnglishWording` is the catalogue today; a second language is another conforming type, and
/// every report and `JSONReport` take it as a parameter.
public protocol Wording: ResultWording {
    /// An indicator status: "partly met".
    func status(_ status: IndicatorStatus) -> String
    /// What became of an assessor's finding: "superseded by a later finding".
    func findingState(_ state: FindingState) -> String
    /// Whether old evidence covers a migrated indicator: "not covered".
    func carryOver(_ carryOver: MigrationChecklist.CarryOver) -> String
    /// A reason's code for an indicator, in a short list: "too-old for training-recent".
    func reasonCode(_ reason: IndicatorReason) -> String
    /// The framework's notice, and that a tender's thresholds were applied, when they were.
    func frameworkNotice(_ framework: FrameworkSummary) -> String
    /// A tender section outcome: "working towards".
    func sectionOutcome(_ outcome: SectionOutcome) -> String
    /// How an indicator is confirmed: "case-file sample".
    func verification(_ verification: Verification) -> String
    /// A warning's kind in a few words, for a tag: "expiring soon".
    func warningTag(_ kind: Warning.Kind) -> String
    /// Where a warning is, as a prefix: "line 12: ", "findings.xml:7: ", or nothing.
    func location(_ warning: Warning) -> String
    /// Whom a findings file is about: "provider 'Brookfield…', charity 1190002".
    func findingsSubject(_ subject: FindingsSubject) -> String
    /// A tender reason in a few words, for a table cell: "threshold not met".
    func tenderReasonTag(_ kind: TenderReason.Kind) -> String
    /// How a migrated indicator is linked to the old edition: "merged-into", "same id", "new".
    func relation(_ relation: MigrationChecklist.Relation) -> String
    /// The vocabulary a renamed term belongs to: "evidence type".
    func termKind(_ kind: EditionDiff.TermRename.TermKind) -> String

    /// A requirement change in parts, for a table: what it is about (nil: the indicator
    /// itself) and the old and new values (nil: none).
    func requirementChange(_ change: RequirementChange) -> (subject: String?, old: String?, new: String?)

    /// An outcome condition as the framework states it, with its figures: "at least 50% of
    /// applicable mandatory indicators are met".
    func conditionRule(_ condition: ConditionResult) -> String
    /// The submission's figures against a condition: "2 of 5 met (40%)".
    func conditionDetail(_ condition: ConditionResult) -> String
    /// A threshold as a requirement: "≥ 26 weeks".
    func threshold(_ threshold: FactThreshold) -> String
    /// A tender reason's two figures in words: the bid's and the required one.
    func tenderFigures(_ reason: TenderReason) -> (bid: String?, required: String?)
    /// The figures behind a tender section outcome.
    func sectionDetail(_ section: SectionOutcomeResult) -> String
    /// A framework threshold a tender replaced: "programme-weeks ≥ 22 weeks → ≥ 26 weeks".
    func thresholdChange(_ change: ThresholdChange) -> String
    /// Items of a needed type that are in the pack but not linked to the indicator: what an
    /// item must show to count there (`mustShow`, the indicator's text), that an assessor
    /// reads it, and which items they are — never an invitation to link any of them.
    func unlinkedNote(_ ids: [String], mustShow: String) -> String
    /// A batch row's missing-evidence entry on one line: "7.1.1 iss-… (safety-critical): why".
    func batchEntry(_ entry: BatchRow.MissingEntry) -> String
    /// Where an indicator comes from: "sourced (https://…)", "modelled".
    func provenance(_ provenance: Provenance?) -> String
    /// How many of an assessment's applicable indicators a public source states, in a sentence.
    func criteriaBasis(_ assessment: Assessment) -> String
    /// A gate not passed, as the first thing a report says: "Gate 0.1 …: apply for membership…".
    func gateFailure(_ gate: GateMention) -> String

    /// An outcome condition stated as what is true of the submission, with its figures, in
    /// plain words: "2 safety-critical indicators fail: 6.2.3, 7.1.1"; lists of indicators
    /// are cut after `limit` ("and 40 more").
    func conditionState(_ condition: ConditionResult, limit: Int) -> String
    /// Offered services with their labels: "Group behaviour-change programme (standard and
    /// medium risk)".
    func services(_ offers: [ServiceOffer]) -> String
    /// A plan step's heading: "Step 1: reach “Working towards the Standard”".
    func stepHeading(_ step: PlanStep, number: Int) -> String
    /// What a plan step asks for, in figures: "meet 4 indicators (2 then await an assessor),
    /// offer 1 service, add 6 actions".
    func stepSummary(_ step: PlanStep) -> String
    /// What evaluating the submission with the step gave, or why additions cannot reach it.
    func stepResult(_ step: PlanStep) -> String
    /// A service a step offers and the indicators it makes apply.
    func serviceNote(_ offer: ServiceOffer, newlyApplicable: [IndicatorMention]) -> String
    /// A plan entry's indicator now and after the step: "not met → met", "applies once the
    /// service is offered → action due by 2027-10-01".
    func entryChange(_ entry: PlanEntry) -> String
    /// The plan when there is no higher verdict to reach.
    func planAtHighest(_ plan: VerdictPlan) -> String
    /// The heading of the missing entries a plan step needs met.
    func missingHeading(step: PlanStep, number: Int) -> String
    /// The heading of a section's other missing entries; `afterPlan` when plan steps come first.
    func missingHeading(sectionNumber: String, title: String, afterPlan: Bool) -> String
    /// The verdict in plain words for a page title or headline: "Not yet ready".
    func verdictHeadline(_ outcome: OutcomeDecision) -> String
    /// The engine's ids for the verdict, secondary to the words: "outcome rule not-yet".
    func verdictIDs(_ outcome: OutcomeDecision) -> String
    /// The comment that opens drafted action-plan entries: what they are and what to fill in.
    func draftActionsIntro(_ plan: VerdictPlan) -> String
    /// The comment above one drafted action: the indicator, the step and the due-date window.
    func draftActionNote(_ entry: PlanEntry, step: PlanStep, number: Int, from: CalendarDate, to: CalendarDate) -> String
    /// The owner placeholder of a drafted action.
    var draftActionOwner: String { get }
    /// How many declared evidence files were confirmed under the evidence root.
    func evidenceFiles(_ summary: EvidenceFileSummary) -> String
}
