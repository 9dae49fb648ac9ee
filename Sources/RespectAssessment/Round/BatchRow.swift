public import RespectEvaluation
public import RespectModel

/// What became of one file in a batch.
public enum BatchOutcome: String, Sendable, Codable, CaseIterable {
    case achieved
    case workingTowards = "working-towards"
    case notYet = "not-yet"
    /// Not well-formed XML, or refused (DOCTYPE, too deep).
    case notWellFormed = "not-well-formed"
    /// Well-formed, but breaks the submission XSD.
    case invalid
    /// Missing, empty, too large, not a regular file or not readable.
    case unreadable
    /// Passes the XSD but contradicts itself or the framework (e.g. an unknown service type).
    case inconsistent
    /// The framework edition the submission targets is not installed.
    case frameworkMissing = "framework-missing"
    /// A framework, tender or other document, not a submission.
    case notASubmission = "not-a-submission"

    public init(_ verdict: Verdict) {
        switch verdict {
        case .achieved: self = .achieved
        case .workingTowards: self = .workingTowards
        case .notYet: self = .notYet
        }
    }

    /// True for the three verdicts: the file was scored.
    public var isScored: Bool {
        self == .achieved || self == .workingTowards || self == .notYet
    }

    /// Plain words for the summary.
    public var label: String {
        switch self {
        case .achieved: "achieved"
        case .workingTowards: "working towards"
        case .notYet: "not yet"
        case .notWellFormed: "not well-formed"
        case .invalid: "invalid (XSD)"
        case .unreadable: "unreadable"
        case .inconsistent: "inconsistent"
        case .frameworkMissing: "framework not installed"
        case .notASubmission: "not a submission"
        }
    }
}

/// One submission's result in a batch: what a CSV row or a JSON line holds. Small on purpose:
/// a batch keeps counters, never the assessments.
public struct BatchRow: Sendable, Codable {
    /// The path as found or given.
    public var file: String
    /// Lowercase hexadecimal SHA-256 of the file's bytes, when it could be read.
    public var sha256: String?
    public var provider: String?
    /// The provider's charity number, else its company number, normalised
    /// (`Provider.registeredNumber`): what tells apart organisations that share a name.
    public var registeredNumber: String?
    public var outcome: BatchOutcome
    /// `id@edition` of the framework applied.
    public var framework: String?
    public var asOf: CalendarDate?
    public var mandatoryMet: Int?
    public var mandatoryApplicable: Int?
    /// Entries in the missing-evidence list.
    public var missingCount: Int?
    /// Unmet safety-critical indicators, each "number id".
    public var safetyCriticalFailures: [String]
    /// The missing-evidence entries: safety-critical first, then mandatory, then desirable.
    public var missing: [MissingEntry]
    /// Why the file could not be scored: every problem as "file:line: message".
    public var errors: [String]
    /// The run id in the store, when the batch records runs (`--store`).
    public var run: Int64?
    /// Why the run could not be recorded in the store, if it could not.
    public var storeError: String?
    /// How many assessor findings applied, when findings were given (`--findings`).
    public var findingsApplied: Int?
    /// The findings files that concerned this submission (not written in CSV or JSON: the
    /// batch uses them to warn about files that concerned none).
    public var findingsFilesMatched: [String] = []
    /// The kind of document this file is, when it is a findings or tender file found among the
    /// submissions: skipped with a note, neither scored nor counted as failed (not written).
    public var skipped: DocumentKind?

    enum CodingKeys: String, CodingKey {
        case file, sha256, provider, registeredNumber, outcome, framework, asOf, mandatoryMet, mandatoryApplicable
        case missingCount, safetyCriticalFailures, missing, errors, run, storeError, findingsApplied
    }

    public init(file: String, sha256: String? = nil, provider: String? = nil, registeredNumber: String? = nil,
                outcome: BatchOutcome, framework: String? = nil,
                asOf: CalendarDate? = nil, mandatoryMet: Int? = nil, mandatoryApplicable: Int? = nil, missingCount: Int? = nil,
                safetyCriticalFailures: [String] = [], missing: [MissingEntry] = [], errors: [String] = []) {
        self.file = file
        self.sha256 = sha256
        self.provider = provider
        self.registeredNumber = registeredNumber
        self.outcome = outcome
        self.framework = framework
        self.asOf = asOf
        self.mandatoryMet = mandatoryMet
        self.mandatoryApplicable = mandatoryApplicable
        self.missingCount = missingCount
        self.safetyCriticalFailures = safetyCriticalFailures
        self.missing = missing
        self.errors = errors
    }
}

extension BatchRow {
    /// One missing-evidence entry, reduced to what a row shows: the indicator, how urgent it is,
    /// its first reason and the first thing to provide (typed; the reports word them).
    public struct MissingEntry: Sendable, Codable, Hashable {
        public var indicator: IndicatorMention
        public var level: Level
        public var safetyCritical: Bool
        public var status: IndicatorStatus
        /// The first reason the indicator is not met, if any.
        public var reason: Reason?
        /// The first thing to provide, if any.
        public var toProvide: Provision?

        public init(_ figure: MissingEvidenceFigure) {
            indicator = IndicatorMention(id: figure.indicator.id, number: figure.indicator.number)
            level = figure.level
            safetyCritical = figure.safetyCritical
            status = figure.status
            reason = figure.firstReason
            toProvide = figure.firstToProvide
        }
    }
}
