public import RespectModel

/// What changed between two results for (usually) the same provider: the outcome, the
/// indicators whose status moved, and the evidence added, removed, replaced or expired.
/// Works on any two assessments, whether just computed or read back from a store.
public struct AssessmentDiff: Sendable, Codable {
    public var old: Side
    public var new: Side
    /// Whether the two results are of the same organisation: by registered number when both
    /// give one, else by name (`OrganisationMatch`). A diff between two organisations is
    /// computed all the same; front ends warn.
    public var organisation: OrganisationMatch
    /// `nil` when both results reached the same outcome rule.
    public var outcomeChange: OutcomeChange?
    /// Indicators whose status differs, in the later result's order (then any only in the earlier).
    public var indicatorChanges: [IndicatorChange]
    /// Evidence ids in the later submission only.
    public var evidenceAdded: [EvidenceItemSummary]
    /// Evidence ids in the earlier submission only.
    public var evidenceRemoved: [EvidenceItemSummary]
    /// Same id, another document (SHA-256), type or issue date.
    public var evidenceReplaced: [EvidenceItemSummary]
    /// Items in both that counted before and now do not, because they became too old or passed
    /// their review date.
    public var evidenceExpired: [ExpiredEvidence]
    /// Assessor findings applied in the later result but not the earlier (same target,
    /// decision and date), and the reverse.
    public var findingsAdded: [FindingEntry]
    public var findingsRemoved: [FindingEntry]
    /// False when a result carries no evidence list (stored by an older engine): only the
    /// outcome and statuses are compared.
    public var evidenceCompared: Bool

    /// One result being compared.
    public struct Side: Sendable, Codable, Hashable {
        public var file: String
        public var provider: String
        /// The provider's charity number, else its company number, normalised; `nil` when it gives neither.
        public var registeredNumber: String?
        public var framework: String
        public var asOf: CalendarDate
        public var outcome: OutcomeSummary
        /// The run id, when the result came from a store.
        public var run: Int64?
    }

    /// The outcome before and after.
    public struct OutcomeChange: Sendable, Codable, Hashable {
        public var from: OutcomeSummary
        public var to: OutcomeSummary
    }

    /// An item that stopped counting for date reasons.
    public struct ExpiredEvidence: Sendable, Codable, Hashable {
        public var id: String
        public var title: String
        /// The date reasons now given (too old, past review), for each indicator, each kind once.
        public var why: [IndicatorReason]
    }

    /// Compares `old` with `new`; `oldRun`/`newRun` name stored runs in the result.
    public init(old: Assessment, new: Assessment, oldRun: Int64? = nil, newRun: Int64? = nil) {
        self.old = Side(old, run: oldRun)
        self.new = Side(new, run: newRun)
        organisation = OrganisationMatch(old.submission.provider, new.submission.provider)
        let oldOutcome = OutcomeSummary(old.outcome)
        let newOutcome = OutcomeSummary(new.outcome)
        outcomeChange = oldOutcome == newOutcome ? nil : OutcomeChange(from: oldOutcome, to: newOutcome)

        let before = Dictionary(old.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterIDs = Set(new.indicators.map(\.id))
        indicatorChanges = new.indicators.compactMap { result in
            let from = before[result.id]?.status
            return from == result.status ? nil : IndicatorChange(id: result.id, number: result.number, from: from, to: result.status)
        } + old.indicators.filter { !afterIDs.contains($0.id) }.map {
            IndicatorChange(id: $0.id, number: $0.number, from: $0.status, to: nil)
        }

        let oldFindings = old.findings?.applied ?? []
        let newFindings = new.findings?.applied ?? []
        let key = { (entry: FindingEntry) in "\(entry.kind.rawValue) \(entry.targetID) \(entry.decision.rawValue) \(entry.date)" }
        let oldKeys = Set(oldFindings.map(key))
        let newKeys = Set(newFindings.map(key))
        findingsAdded = newFindings.filter { !oldKeys.contains(key($0)) }
        findingsRemoved = oldFindings.filter { !newKeys.contains(key($0)) }

        guard let oldItems = old.submission.items, let newItems = new.submission.items else {
            evidenceAdded = []
            evidenceRemoved = []
            evidenceReplaced = []
            evidenceExpired = []
            evidenceCompared = false
            return
        }
        evidenceCompared = true
        let oldByID = Dictionary(oldItems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(newItems.map(\.id))
        evidenceAdded = newItems.filter { oldByID[$0.id] == nil }
        evidenceRemoved = oldItems.filter { !newIDs.contains($0.id) }
        evidenceReplaced = newItems.filter { item in
            guard let earlier = oldByID[item.id] else { return false }
            return earlier.sha256 != item.sha256 || earlier.type != item.type || earlier.issued != item.issued
        }
        let countedBefore = Set(old.indicators.flatMap(\.evidenceUsed))
        let countedAfter = Set(new.indicators.flatMap(\.evidenceUsed))
        let dateKinds: Set<Reason.Kind> = [.tooOld, .reviewDatePassed]
        evidenceExpired = newItems.compactMap { item in
            guard oldByID[item.id] != nil, countedBefore.contains(item.id), !countedAfter.contains(item.id) else { return nil }
            let why = new.indicators.flatMap { result in
                result.reasons.filter { $0.evidenceID == item.id && dateKinds.contains($0.kind) }.map { IndicatorReason(indicator: result.id, reason: $0) }
            }
            return why.isEmpty ? nil : ExpiredEvidence(id: item.id, title: item.title, why: IndicatorReason.eachKindOnce(why))
        }
    }

    /// True when nothing compared differs.
    public var isEmpty: Bool {
        outcomeChange == nil && indicatorChanges.isEmpty && evidenceAdded.isEmpty && evidenceRemoved.isEmpty
            && evidenceReplaced.isEmpty && evidenceExpired.isEmpty && findingsAdded.isEmpty && findingsRemoved.isEmpty
    }
}

extension AssessmentDiff.Side {
    init(_ assessment: Assessment, run: Int64?) {
        self.init(file: assessment.submission.file, provider: assessment.submission.provider.name,
                  registeredNumber: assessment.submission.provider.registeredNumber, framework: "\(assessment.framework.id)@\(assessment.framework.edition)", asOf: assessment.asOf,
                  outcome: OutcomeSummary(assessment.outcome), run: run)
    }
}
