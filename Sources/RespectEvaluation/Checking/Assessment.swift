public import RespectModel

/// The complete, deterministic result of evaluating one submission against one framework
/// edition. Encoding it as JSON with sorted keys gives byte-identical output for identical inputs.
public struct Assessment: Sendable, Codable {
    /// The engine's verdict is advice; people decide accreditation.
    public var advisory: Advisory
    public var engineVersion: String
    public var asOf: CalendarDate
    public var framework: FrameworkSummary
    public var submission: SubmissionSummary
    public var outcome: OutcomeDecision
    /// Applicable safety-critical indicators that are not met: shown first in every report.
    public var safetyCriticalFailures: [IndicatorReference]
    public var totals: StatusCounts
    public var sections: [SectionResult]
    public var indicators: [IndicatorResult]
    /// What to provide, grouped by section.
    public var missingEvidence: [MissingEvidenceGroup]
    /// Indicators whose paper evidence is complete but which an assessor must confirm.
    public var forAssessor: [IndicatorReference]
    public var warnings: [Warning]
    /// The input files and their SHA-256, filled in by whoever read them (the evaluator does
    /// no I/O).
    public var inputs: [InputFile] = []
    /// Set when a submission written for an older edition was re-assessed under a newer one.
    public var migration: MigrationChecklist? = nil
    /// Set when a crosswalk was asked for: the provider's status per target-framework standard.
    public var crosswalk: CrosswalkCoverage? = nil
    /// The assessor's findings and what they changed; absent when none were given.
    public var findings: FindingsSummary?
    /// The framework's gates (preconditions such as membership), checked first; absent when
    /// the framework has none.
    public var gates: [GateResult]? = nil
    /// The path to the next verdict, when the use case worked it out (`AssessmentEngine.plan`);
    /// absent otherwise, and never kept in the run store.
    public var plan: VerdictPlan? = nil
    /// How many declared evidence files were confirmed under the evidence root; absent when
    /// the files were not checked.
    public var evidenceFiles: EvidenceFileSummary? = nil
}

/// Which framework edition was applied.
public struct FrameworkSummary: Sendable, Codable {
    public var id: String
    public var edition: String
    public var revision: Int
    public var title: String
    /// The framework file's own provenance notice.
    public var notice: String
    public var supersededBy: String?
    /// The tender reference, when the edition was evaluated with a tender's stricter
    /// thresholds and local indicators.
    public var evaluatedForTender: String? = nil
}

/// Which submission was evaluated.
public struct SubmissionSummary: Sendable, Codable {
    public var file: String
    public var provider: Provider
    public var target: FrameworkTarget
    public var services: [OfferedService]
    /// The same services with the framework's labels for them and their risk levels (absent
    /// in results stored before it existed).
    public var offered: [ServiceOffer]? = nil
    public var evidenceItems: Int
    public var actionPlanEntries: Int
    /// The evidence items, so two results can be compared (absent in results stored before it existed).
    public var items: [EvidenceItemSummary]?
}

/// One evidence item as listed in a result: enough to tell, later, what was scored.
public struct EvidenceItemSummary: Sendable, Codable, Hashable {
    public var id: String
    public var type: String
    public var title: String
    public var issued: CalendarDate
    public var reviewBy: CalendarDate?
    /// The document's SHA-256, when the submission names its file.
    public var sha256: String?
    public var supports: [String]

    public init(_ item: EvidenceItem) {
        id = item.id
        type = item.type
        title = item.title
        issued = item.issued
        reviewBy = item.reviewBy
        sha256 = item.file?.sha256
        supports = item.supports
    }
}

/// A short pointer to an indicator, for lists.
public struct IndicatorReference: Sendable, Codable, Hashable {
    public var id: String
    public var number: String
    public var text: String
    public var section: String

    public init(id: String, number: String, text: String, section: String) {
        self.id = id
        self.number = number
        self.text = text
        self.section = section
    }
}

/// Counts of indicator statuses, overall or within a section or standard.
public struct StatusCounts: Sendable, Codable, Hashable {
    public var applicable = 0
    public var met = 0
    public var partlyMet = 0
    public var notMet = 0
    public var needsAssessor = 0
    public var notApplicable = 0
    public var mandatoryApplicable = 0
    /// Mandatory indicators met, counting needs-assessor as provisionally met.
    public var mandatoryMet = 0
    public var desirableApplicable = 0
    public var desirableMet = 0
    public var safetyCriticalFailures = 0

    public init() {}

    mutating func add(_ result: IndicatorResult) {
        add(status: result.status, level: result.level, safetyCritical: result.safetyCritical)
    }

    /// Counts one indicator from its status, level and safety flag, so a caller can pass the
    /// fields of a result in an array without copying the whole result.
    mutating func add(status: IndicatorStatus, level: Level, safetyCritical: Bool) {
        if status == .notApplicable {
            notApplicable += 1
            return
        }
        applicable += 1
        let metOrProvisional = status == .met || status == .needsAssessor
        switch status {
        case .met: met += 1
        case .partlyMet: partlyMet += 1
        case .notMet: notMet += 1
        case .needsAssessor: needsAssessor += 1
        case .notApplicable: break
        }
        switch level {
        case .mandatory:
            mandatoryApplicable += 1
            if metOrProvisional { mandatoryMet += 1 }
        case .desirable:
            desirableApplicable += 1
            if metOrProvisional { desirableMet += 1 }
        }
        if safetyCritical && status.isUnmet { safetyCriticalFailures += 1 }
    }
}

/// A section's figures and its standards'.
public struct SectionResult: Sendable, Codable {
    public var id: String
    public var number: String
    public var title: String
    public var counts: StatusCounts
    public var standards: [StandardResult]
}

/// A standard's figures and derived status.
public struct StandardResult: Sendable, Codable {
    public var id: String
    public var number: String
    public var title: String
    public var status: IndicatorStatus
    public var counts: StatusCounts
}

/// One indicator's status, the reasons for it and the evidence used.
public struct IndicatorResult: Sendable, Codable {
    public var id: String
    public var number: String
    public var text: String
    public var section: String
    public var standard: String
    public var level: Level
    public var safetyCritical: Bool
    public var verification: Verification
    public var status: IndicatorStatus
    public var reasons: [Reason]
    /// Ids of the evidence items that counted.
    public var evidenceUsed: [String]
    /// What to provide to meet it (empty when met or not applicable; for an indicator that
    /// needs an assessor, what would back the facts it relies on, if any).
    public var toProvide: [Provision]
    public var remediation: String
    /// Items of a needed type that exist but are not linked to this indicator.
    public var unlinkedCandidates: [String]
    /// The engine's own status, when an assessor's findings changed it or decided this indicator.
    public var automatedStatus: IndicatorStatus?
    /// The assessor's decision on this indicator, when one applies.
    public var assessorDecision: AssessorDecision?
    /// Whether a public source states the indicator or the engine authors modelled it (absent
    /// in results stored before it existed).
    public var provenance: Provenance? = nil
    /// The named subsets (e.g. "smp") the indicator belongs to; absent when none.
    public var tiers: [String]? = nil
}

/// An entry of the missing-evidence list.
public struct MissingEvidence: Sendable, Codable {
    public var indicator: IndicatorReference
    public var level: Level
    public var safetyCritical: Bool
    public var status: IndicatorStatus
    /// What to provide.
    public var toProvide: [Provision]
    /// Why: the reasons the indicator is not met.
    public var why: [Reason]
    /// The framework's hint.
    public var remediation: String
    /// Evidence of the right type that exists but is not linked to this indicator.
    public var unlinkedCandidates: [String]
    /// The action-plan entry covering it, if any.
    public var plannedAction: PlannedActionSummary?
    /// Whether a public source states the indicator or it is modelled.
    public var provenance: Provenance? = nil
}

/// An action-plan entry as shown beside a missing item.
public struct PlannedActionSummary: Sendable, Codable {
    public var action: String
    public var owner: String
    public var due: CalendarDate
}

/// Missing items of one section, most urgent first (safety-critical, then mandatory, then desirable).
public struct MissingEvidenceGroup: Sendable, Codable {
    public var sectionID: String
    public var sectionNumber: String
    public var sectionTitle: String
    public var items: [MissingEvidence]
}
