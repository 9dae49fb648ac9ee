public import RespectModel

/// Carries a submission written for an older edition over to a newer one through the
/// edition's declared links, evaluates it there and says, per new indicator, whether the old
/// evidence carries over and what is newly required.
///
/// Evidence items linked to an old indicator count for every new indicator it maps to; renamed
/// evidence and service types are mapped to their new ids; action-plan entries follow their
/// indicator. Ids that are already new-edition ids are kept, so a provider can mix both.
public struct EditionMigration: Sendable {
    public let links: EditionLinks

    public init(links: EditionLinks) {
        self.links = links
    }

    /// The submission rewritten in the new edition's ids.
    public func migrate(_ submission: Submission) -> Submission {
        var migrated = submission
        migrated.services = submission.services.map {
            OfferedService(serviceType: links.serviceType($0.serviceType), riskLevels: $0.riskLevels)
        }
        migrated.evidence = submission.evidence.map { item in
            var item = item
            item.type = links.evidenceType(item.type)
            item.supports = uniqued(item.supports.flatMap(newIDs))
            return item
        }
        migrated.actionPlan = submission.actionPlan.flatMap { action in
            newIDs(action.indicatorID).map { id in
                var action = action
                action.indicatorID = id
                return action
            }
        }
        return migrated
    }

    /// Migrates, evaluates under the new edition and attaches the migration checklist.
    public func evaluate(_ submission: Submission, asOf: CalendarDate, evaluator: Evaluator,
                         findings: [Findings] = [], submissionSHA256: String? = nil,
                         evidenceFiles: EvidenceFileChecks? = nil) throws(SubmissionMismatch) -> Assessment {
        var assessment = try evaluator.evaluate(migrate(submission), asOf: asOf, findings: findings, submissionSHA256: submissionSHA256,
                                                evidenceFiles: evidenceFiles)
        assessment.migration = checklist(for: assessment)
        assessment.warnings.insert(Warning(.migratedEdition(from: links.old.identity.reference, to: links.new.identity.reference)), at: 0)
        return assessment
    }

    /// Per applicable new indicator: where it comes from, whether the evidence carries over and
    /// what is newly required.
    public func checklist(for assessment: Assessment) -> MigrationChecklist {
        let diff = EditionDiff(links: links)
        var changesByNew: [String: [RequirementChange]] = [:]
        for entry in diff.entries {
            for indicator in entry.new { changesByNew[indicator.id, default: []] += entry.changes }
        }
        var items: [MigrationChecklist.Item] = []
        for result in assessment.indicators where result.status != .notApplicable {
            let origin = links.predecessors(of: result.id)
            let declared = links.links.first { $0.newID == result.id }?.relation
            let carryOver: MigrationChecklist.CarryOver
            switch result.status {
            case .met, .needsAssessor: carryOver = .carried
            case .partlyMet: carryOver = .partly
            case .notMet, .notApplicable: carryOver = .notCovered
            }
            var newlyRequired: [MigrationNote] = origin.isEmpty
                ? [.newIndicator(oldEdition: links.old.identity.edition, newEdition: links.new.identity.edition)] : []
            newlyRequired += (changesByNew[result.id] ?? []).map(MigrationNote.requirementChanged)
            if carryOver != .carried { newlyRequired += result.toProvide.map(MigrationNote.provide) }
            items.append(MigrationChecklist.Item(
                indicator: IndicatorReference(id: result.id, number: result.number, text: result.text, section: result.section),
                level: result.level, safetyCritical: result.safetyCritical, status: result.status,
                origin: origin, relation: origin.isEmpty ? .new : (declared.map(MigrationChecklist.Relation.declared) ?? .sameID),
                carryOver: carryOver, newlyRequired: newlyRequired))
        }
        let dropped = links.old.indicators.filter { links.successors(of: $0.id).isEmpty }.map(\.reference)
        return MigrationChecklist(from: links.old.identity.reference, to: links.new.identity.reference, items: items, dropped: dropped)
    }

    private func newIDs(_ id: String) -> [String] {
        if let gate = links.gateSuccessors[id] { return [gate] }
        let successors = links.successors(of: id)
        return successors.isEmpty ? [id] : successors
    }

    private func uniqued(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// The migration checklist of a submission re-assessed under a newer edition.
public struct MigrationChecklist: Sendable, Codable {
    /// Whether the old evidence covers a new indicator.
    public enum CarryOver: String, Sendable, Codable, CaseIterable {
        /// Met (or awaiting an assessor) with the evidence as it is.
        case carried
        /// Some of what the new indicator asks for is there.
        case partly
        /// Nothing counts yet.
        case notCovered = "not-covered"
    }

    /// One applicable new indicator.
    public struct Item: Sendable, Codable {
        public var indicator: IndicatorReference
        public var level: Level
        public var safetyCritical: Bool
        public var status: IndicatorStatus
        /// The old indicators that carry into it; empty when it is new.
        public var origin: [String]
        public var relation: Relation
        public var carryOver: CarryOver
        /// What the new edition asks beyond the old one, and what to provide.
        public var newlyRequired: [MigrationNote]
    }

    /// How a new indicator is linked to the old edition. Encoded as a string: the declared
    /// relation (`same-as`, `replaced-by`, `split-into`, `merged-into`), `same-id` or `new`.
    public enum Relation: Sendable, Hashable, Codable {
        /// A link the old edition declares.
        case declared(SuccessorLink.Relation)
        /// Not declared: the same id in both editions.
        case sameID
        /// No old indicator carries into it.
        case new

        /// The string it is encoded as.
        public var code: String {
            switch self {
            case .declared(let relation): relation.rawValue
            case .sameID: "same-id"
            case .new: "new"
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let code = try container.decode(String.self)
            switch code {
            case "same-id": self = .sameID
            case "new": self = .new
            default:
                guard let relation = SuccessorLink.Relation(rawValue: code) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown relation '\(code)'")
                }
                self = .declared(relation)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        }
    }

    /// The edition the submission was written for.
    public var from: String
    /// The edition it was re-assessed under.
    public var to: String
    public var items: [Item]
    /// Old indicators that no new indicator carries (evidence linked only to them no longer counts).
    public var dropped: [IndicatorReference]

    public func count(_ carryOver: CarryOver) -> Int { items.filter { $0.carryOver == carryOver }.count }
}
