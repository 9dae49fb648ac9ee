public import RespectModel

/// Something the user should know that is not itself a shortfall: a cause with its figures
/// (dates, evidence ids, indicators, stated and expected facts, editions), and where it is.
///
/// Encoded as one flat JSON object: `code` (`Kind`'s raw value), the figures as fields, `line`
/// and `file` when known, and `message` when a wording is given.
public struct Warning: Sendable {
    public var cause: Cause
    /// Line in the submission (or in `file`), when the warning is about one element.
    public var line: Int?
    /// The file `line` refers to, when it is not the submission (e.g. a findings file).
    public var file: String?

    public init(_ cause: Cause, line: Int? = nil, file: String? = nil) {
        self.cause = cause
        self.line = line
        self.file = file
    }

    /// What the warning is about, with its figures.
    public enum Cause: Sendable, Hashable {
        /// A counted item's review-by date falls within the warning horizon after the as-of date.
        case reviewDueSoon(item: EvidenceMention, reviewBy: CalendarDate, asOf: CalendarDate)
        /// A counted item will pass an age limit within the horizon: `lastDay` is the last day
        /// it counts for `indicators`.
        case ageLimitSoon(item: EvidenceMention, lastDay: CalendarDate, maximumAgeMonths: Int, indicators: [String])
        /// An item supports ids that are not indicators of `edition`: the first five of them,
        /// how many there are, and the nearest indicator id for those that have one near.
        case unknownIndicator(evidenceID: String, indicators: [String], count: Int, edition: String, nearest: [String: String])
        /// An item's type is not in `edition`'s vocabulary; it cannot count. `nearest`: the
        /// nearest type id (by id or label), if one is near.
        case unknownEvidenceType(evidenceID: String, evidenceType: TermReference, edition: String, nearest: String?)
        /// A fact `edition` does not define; it is ignored. `nearest`: the nearest fact id.
        case unknownFact(fact: String, edition: String, nearest: String?)
        /// A fact stated as another kind or in another unit than the framework defines.
        case factUnitMismatch(fact: String, stated: StatedValue, expectedKind: FactDefinition.Kind, expectedUnit: String?)
        /// An item dated after the as-of date; it does not count.
        case issuedAfterAsOf(evidenceID: String, issued: CalendarDate, asOf: CalendarDate)
        /// The submission targets `target` but is evaluated against `edition` (both `id@edition`).
        case editionMismatch(target: String, edition: String)
        /// The edition applied is superseded by the framework's edition `successor`.
        case supersededEdition(edition: String, successor: String)
        /// An action-plan entry for an id that is not an indicator of `edition`. `nearest`: the
        /// nearest indicator id.
        case actionForUnknownIndicator(indicator: String, edition: String, nearest: String?)
        /// The submission, written for `from`, was carried over to `to` through the editions' links.
        case migratedEdition(from: String, to: String)
        /// A findings file about another subject than this submission (its provider and SHA-256); ignored.
        case findingsNotForSubmission(subject: FindingsSubject, provider: String, submissionSHA256: String?)
        /// A finding names an indicator (of `edition`) or an item (`edition` nil) that does not exist.
        case unknownFindingTarget(target: FindingTargetKind, id: String, edition: String?)
        /// A finding could not apply, `because` says why.
        case findingNotApplied(target: FindingTargetKind, id: String, because: FindingNotApplied)
        /// A finding expired before the as-of date; it no longer applies.
        case findingExpired(target: FindingTargetKind, id: String, expired: CalendarDate, asOf: CalendarDate)
        /// An item's declared file is missing under the evidence root, or is another document;
        /// the item does not count.
        case evidenceFileNotConfirmed(evidenceID: String, path: String, declaredSHA256: String, problem: EvidenceFileProblem)
    }

    /// Why a finding did not apply.
    public enum FindingNotApplied: Sendable, Hashable {
        /// The indicator does not apply to the services and risk levels the submission declares.
        case indicatorNotApplicable
        /// The assessor judged a document with this SHA-256; the submission now names another file.
        case fileChanged(judgedSHA256: String)
    }

    /// The kind of warning; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case reviewDueSoon = "review-due-soon"
        case ageLimitSoon = "age-limit-soon"
        case unknownIndicator = "unknown-indicator"
        case unknownEvidenceType = "unknown-evidence-type"
        case unknownFact = "unknown-fact"
        case factUnitMismatch = "fact-unit-mismatch"
        case issuedAfterAsOf = "issued-after-as-of"
        case editionMismatch = "edition-mismatch"
        case supersededEdition = "superseded-edition"
        case actionForUnknownIndicator = "action-for-unknown-indicator"
        case migratedEdition = "migrated-edition"
        case findingsNotForSubmission = "findings-not-for-submission"
        case unknownFindingTarget = "unknown-finding-target"
        case findingNotApplied = "finding-not-applied"
        case findingExpired = "finding-expired"
        case evidenceFileNotConfirmed = "evidence-file-not-confirmed"
    }

    public var kind: Kind {
        switch cause {
        case .reviewDueSoon: .reviewDueSoon
        case .ageLimitSoon: .ageLimitSoon
        case .unknownIndicator: .unknownIndicator
        case .unknownEvidenceType: .unknownEvidenceType
        case .unknownFact: .unknownFact
        case .factUnitMismatch: .factUnitMismatch
        case .issuedAfterAsOf: .issuedAfterAsOf
        case .editionMismatch: .editionMismatch
        case .supersededEdition: .supersededEdition
        case .actionForUnknownIndicator: .actionForUnknownIndicator
        case .migratedEdition: .migratedEdition
        case .findingsNotForSubmission: .findingsNotForSubmission
        case .unknownFindingTarget: .unknownFindingTarget
        case .findingNotApplied: .findingNotApplied
        case .findingExpired: .findingExpired
        case .evidenceFileNotConfirmed: .evidenceFileNotConfirmed
        }
    }

    /// The evidence item the warning is about, if any.
    public var evidenceID: String? {
        switch cause {
        case .reviewDueSoon(let item, _, _), .ageLimitSoon(let item, _, _, _): item.id
        case .unknownIndicator(let id, _, _, _, _), .unknownEvidenceType(let id, _, _, _), .issuedAfterAsOf(let id, _, _),
             .evidenceFileNotConfirmed(let id, _, _, _): id
        default: nil
        }
    }

    /// The date the warning is about, if any: a review-by date, the last day an item counts,
    /// an issue date after the as-of date, a finding's expiry.
    public var date: CalendarDate? {
        switch cause {
        case .reviewDueSoon(_, let reviewBy, _): reviewBy
        case .ageLimitSoon(_, let lastDay, _, _): lastDay
        case .issuedAfterAsOf(_, let issued, _): issued
        case .findingExpired(_, _, let expired, _): expired
        default: nil
        }
    }

    /// True for what makes evidence in the submission count for nothing, whatever the date: an
    /// unknown evidence type, a link to an id that is not an indicator, a fact the edition does
    /// not define or states in another kind or unit, an action for an unknown indicator, a
    /// declared file missing or different under the evidence root.
    /// `respect validate` refuses a file with any; every report lists them first.
    public var meansEvidenceWillNotCount: Bool {
        switch cause {
        case .unknownIndicator, .unknownEvidenceType, .unknownFact, .factUnitMismatch, .actionForUnknownIndicator,
             .evidenceFileNotConfirmed: true
        default: false
        }
    }

    /// The indicators concerned, when the warning is about evidence counting for them.
    public var indicators: [String]? {
        if case .ageLimitSoon(_, _, _, let indicators) = cause { return indicators }
        return nil
    }

    /// The same warning, counting for `more` indicators too (age limits only).
    func adding(indicators more: [String]) -> Warning {
        guard case .ageLimitSoon(let item, let lastDay, let months, let indicators) = cause else { return self }
        var copy = self
        copy.cause = .ageLimitSoon(item: item, lastDay: lastDay, maximumAgeMonths: months, indicators: indicators + more)
        return copy
    }
}

extension Warning: Hashable {
    /// Hashes the short fields only (equal warnings still hash equally): de-duplicating a
    /// submission's warnings then does not hash every figure.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(line)
        hasher.combine(evidenceID)
        hasher.combine(date)
    }
}

/// An evidence item as a warning names it: its id, title and type.
public struct EvidenceMention: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var type: TermReference

    public init(id: String, title: String, type: TermReference) {
        self.id = id
        self.title = title
        self.type = type
    }

    private enum CodingKeys: String, CodingKey {
        case id = "evidenceID", title, type = "evidenceType"
    }
}
