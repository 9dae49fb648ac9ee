/// A group of standards, e.g. "Integrated support service for survivors".
public struct Section: Sendable {
    public var id: String
    public var number: String
    public var title: String
    public var summary: String?
    public var standards: [Standard]
    public var provenance: Provenance

    public init(id: String, number: String, title: String, summary: String?, standards: [Standard],
                provenance: Provenance = .modelled) {
        self.id = id
        self.number = number
        self.title = title
        self.summary = summary
        self.standards = standards
        self.provenance = provenance
    }
}

/// A standard within a section: a statement of expected practice and its indicators.
public struct Standard: Sendable {
    public var id: String
    public var number: String
    public var title: String
    public var statement: String?
    public var indicators: [Indicator]
    public var provenance: Provenance

    public init(id: String, number: String, title: String, statement: String?, indicators: [Indicator],
                provenance: Provenance = .modelled) {
        self.id = id
        self.number = number
        self.title = title
        self.statement = statement
        self.indicators = indicators
        self.provenance = provenance
    }
}

/// The unit of assessment: one requirement with its applicability, level and evidence rules.
public struct Indicator: Sendable {
    public var id: String
    /// The display number as published, e.g. "7.1.2".
    public var number: String
    public var text: String
    public var guidance: String?
    public var applicability: Applicability
    public var level: Level
    /// A failure blocks every positive verdict.
    public var isSafetyCritical: Bool
    public var verification: Verification
    public var principleIDs: [String]
    public var requirement: EvidenceRequirement
    /// What the provider should supply to meet it.
    public var remediation: String
    /// The section and standard this indicator belongs to.
    public var sectionID: String
    public var standardID: String
    public var location: SourceReference?
    /// Declared links to the indicators that carry this one in later editions.
    public var successors: [SuccessorLink]
    /// Whether a public source states it, or the engine authors modelled it.
    public var provenance: Provenance
    /// Who an assessor talks to, when `verification` is `.interview`.
    public var interviewees: [Interviewee]
    /// Named subsets of the standard it belongs to, e.g. "smp" (Safe Minimum Practice).
    public var tiers: [String]

    public init(id: String, number: String, text: String, guidance: String?, applicability: Applicability,
                level: Level, isSafetyCritical: Bool, verification: Verification, principleIDs: [String],
                requirement: EvidenceRequirement, remediation: String, sectionID: String, standardID: String,
                location: SourceReference? = nil, successors: [SuccessorLink] = [],
                provenance: Provenance = .modelled, interviewees: [Interviewee] = [], tiers: [String] = []) {
        self.id = id
        self.number = number
        self.text = text
        self.guidance = guidance
        self.applicability = applicability
        self.level = level
        self.isSafetyCritical = isSafetyCritical
        self.verification = verification
        self.principleIDs = principleIDs
        self.requirement = requirement
        self.remediation = remediation
        self.sectionID = sectionID
        self.standardID = standardID
        self.location = location
        self.successors = successors
        self.provenance = provenance
        self.interviewees = interviewees
        self.tiers = tiers
    }
}

/// Whether an indicator is required.
public enum Level: String, Sendable, Codable, CaseIterable {
    case mandatory
    case desirable
}

/// How an indicator can be confirmed.
public enum Verification: String, Sendable, Codable, CaseIterable {
    /// From documents alone.
    case desk
    /// Only interviews or observation on a site visit can confirm it.
    case siteVisit = "site-visit"
    /// An assessor must sample case files.
    case caseSample = "case-sample"
    /// Only interviews (staff, service users, survivors) can show it; documents never can.
    case interview
}

/// Whom an assessor interviews for an `.interview` indicator.
public enum Interviewee: String, Sendable, Codable, CaseIterable {
    case staff
    case serviceUsers = "service-users"
    case survivors
}

/// Which services and risk levels an indicator applies to; `nil` means all.
public struct Applicability: Sendable, Hashable {
    public var serviceTypes: [String]?
    public var riskLevels: [String]?

    public init(serviceTypes: [String]? = nil, riskLevels: [String]? = nil) {
        self.serviceTypes = serviceTypes
        self.riskLevels = riskLevels
    }

    public static let everything = Applicability()

    /// True when the submission offers one of the service types at one of the risk levels
    /// (both on the same offered service).
    public func applies(to submission: Submission) -> Bool {
        applies(to: submission.services)
    }

    /// True when one of `services` is of one of the service types, at one of the risk levels.
    public func applies(to services: [OfferedService]) -> Bool {
        services.contains { service in
            (serviceTypes?.contains(service.serviceType) ?? true)
                && (riskLevels.map { levels in service.riskLevels.contains { levels.contains($0) } } ?? true)
        }
    }
}

/// A file and line, kept so errors about a framework can point into it.
public struct SourceReference: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
