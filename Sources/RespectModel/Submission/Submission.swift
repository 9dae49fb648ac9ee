/// A provider's evidence pack, described for the engine.
public struct Submission: Sendable {
    public var provider: Provider
    /// The framework and edition the provider is preparing for.
    public var target: FrameworkTarget
    /// The date the evidence is judged at, if the file states one.
    public var asOf: CalendarDate?
    public var services: [OfferedService]
    public var evidence: [EvidenceItem]
    public var facts: [StatedFact]
    public var actionPlan: [PlannedAction]
    /// The file it was read from.
    public var source: String

    public init(provider: Provider, target: FrameworkTarget, asOf: CalendarDate?, services: [OfferedService],
                evidence: [EvidenceItem], facts: [StatedFact], actionPlan: [PlannedAction], source: String) {
        self.provider = provider
        self.target = target
        self.asOf = asOf
        self.services = services
        self.evidence = evidence
        self.facts = facts
        self.actionPlan = actionPlan
        self.source = source
    }

    /// Whether the submission offers a service type.
    public func offers(_ serviceType: String) -> Bool {
        services.contains { $0.serviceType == serviceType }
    }
}

/// Who the submission is from.
public struct Provider: Sendable, Hashable, Codable {
    public var name: String
    public var charityNumber: String?
    public var companyNumber: String?
    public var region: String?

    public init(name: String, charityNumber: String? = nil, companyNumber: String? = nil, region: String? = nil) {
        self.name = name
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.region = region
    }
}

/// The framework edition a submission targets.
public struct FrameworkTarget: Sendable, Hashable, Codable {
    public var framework: String
    public var edition: String

    public init(framework: String, edition: String) {
        self.framework = framework
        self.edition = edition
    }

    /// `framework@edition`.
    public var reference: String { "\(framework)@\(edition)" }
}

/// A service type the provider offers and the risk levels it serves in it.
public struct OfferedService: Sendable, Hashable, Codable {
    public var serviceType: String
    public var riskLevels: [String]
    /// The line of its element in the submission file (0 when not read from XML); not part of
    /// its identity, nor of its JSON.
    public var line: Int

    public init(serviceType: String, riskLevels: [String], line: Int = 0) {
        self.serviceType = serviceType
        self.riskLevels = riskLevels
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case serviceType, riskLevels }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(serviceType: try container.decode(String.self, forKey: .serviceType),
                  riskLevels: try container.decode([String].self, forKey: .riskLevels))
    }

    public static func == (lhs: OfferedService, rhs: OfferedService) -> Bool {
        lhs.serviceType == rhs.serviceType && lhs.riskLevels == rhs.riskLevels
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serviceType)
        hasher.combine(riskLevels)
    }
}

/// One document in the pack. The document stays where it is; the item names it and its hash.
public struct EvidenceItem: Sendable, Hashable {
    public var id: String
    public var type: String
    public var title: String
    public var issued: CalendarDate
    public var reviewBy: CalendarDate?
    public var file: FileReference?
    /// Ids of the indicators this item is offered for.
    public var supports: [String]
    public var line: Int

    public init(id: String, type: String, title: String, issued: CalendarDate, reviewBy: CalendarDate?,
                file: FileReference?, supports: [String], line: Int = 0) {
        self.id = id
        self.type = type
        self.title = title
        self.issued = issued
        self.reviewBy = reviewBy
        self.file = file
        self.supports = supports
        self.line = line
    }
}

/// Where an evidence document is and its SHA-256.
public struct FileReference: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// A figure or yes/no answer the provider states, e.g. programme length 24 weeks.
public struct StatedFact: Sendable, Hashable {
    public var id: String
    public var value: FactValue
    public var unit: String?
    /// The evidence item the figure comes from, if given.
    public var sourceEvidenceID: String?
    public var line: Int

    public init(id: String, value: FactValue, unit: String?, sourceEvidenceID: String? = nil, line: Int = 0) {
        self.id = id
        self.value = value
        self.unit = unit
        self.sourceEvidenceID = sourceEvidenceID
        self.line = line
    }
}

/// An action-plan entry: what will be done for an indicator, by whom, by when.
public struct PlannedAction: Sendable, Hashable {
    public var indicatorID: String
    public var due: CalendarDate
    public var owner: String
    public var action: String
    public var line: Int

    public init(indicatorID: String, due: CalendarDate, owner: String, action: String, line: Int = 0) {
        self.indicatorID = indicatorID
        self.due = due
        self.owner = owner
        self.action = action
        self.line = line
    }
}
