import RespectModel

/// The changes a plan step has chosen so far, and the submission with them made: the planner
/// evaluates that submission to learn what the changes achieve, instead of predicting it.
struct PlanDraft {
    /// An indicator the step makes met (or leaves to an assessor), and how.
    struct Fix {
        var id: String
        var cause: PlanCause
        /// False for indicators chosen to reach a count: those may be pruned.
        var isForced: Bool
        var additions: [PlanAddition]
        /// Set when additions cannot settle it: what only an assessor can do.
        var assessorOnly: PlanChange?
    }

    /// An action-plan entry the step adds.
    struct Action {
        var id: String
        var cause: PlanCause
        var from: CalendarDate
        var to: CalendarDate
    }

    let base: Submission
    let asOf: CalendarDate
    let vocabulary: Vocabulary
    /// Thresholds of indicators met before the step, by fact: a new value should keep them.
    let protectedThresholds: [String: [FactThreshold]]
    private(set) var fixes: [Fix] = []
    private(set) var actions: [Action] = []

    init(base: Submission, asOf: CalendarDate, vocabulary: Vocabulary, protectedThresholds: [String: [FactThreshold]]) {
        self.base = base
        self.asOf = asOf
        self.vocabulary = vocabulary
        self.protectedThresholds = protectedThresholds
    }

    func contains(_ id: String) -> Bool { fixes.contains { $0.id == id } }

    /// Services the base submission offers, with those the fixes add.
    var offered: Set<String> {
        Set(base.services.map(\.serviceType)).union(fixes.flatMap(\.additions).compactMap { addition in
            if case .service(let offer) = addition { return offer.serviceType.id }
            return nil
        })
    }

    mutating func add(_ fix: Fix) {
        fixes.append(fix)
    }

    /// Adds more additions to the fix for `id` (its first ones did not settle it).
    mutating func extend(_ id: String, with additions: [PlanAddition]) {
        guard let position = fixes.firstIndex(where: { $0.id == id }) else { return }
        fixes[position].additions = ProvisionChoice.merged(fixes[position].additions + additions)
    }

    mutating func markAssessorOnly(_ id: String, _ change: PlanChange) {
        guard let position = fixes.firstIndex(where: { $0.id == id }) else { return }
        fixes[position].assessorOnly = change
    }

    mutating func remove(_ id: String) {
        fixes.removeAll { $0.id == id }
    }

    mutating func addAction(_ action: Action) {
        actions.append(action)
    }

    /// The value each fact is to be stated at: one that passes every threshold the fixes need
    /// it to pass and keeps as many thresholds of already-met indicators as it can.
    var factValues: [String: StatedValue] {
        var thresholds: [String: [FactThreshold]] = [:]
        var order: [String] = []
        for addition in fixes.flatMap(\.additions) {
            guard case .fact(let fact) = addition else { continue }
            if thresholds[fact.fact.id] == nil { order.append(fact.fact.id) }
            thresholds[fact.fact.id, default: []] += fact.thresholds
        }
        let stated = Dictionary(base.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [String: StatedValue] = [:]
        for id in order {
            let required = thresholds[id] ?? []
            let unit = vocabulary.fact(id)?.unit ?? required.first?.unit ?? stated[id]?.unit
            let current = stated[id].flatMap { $0.unit == unit ? $0.value : nil }
            let value = FactValueChoice.value(required: required, protected: protectedThresholds[id] ?? [], stated: current)
                ?? required.first?.value ?? current
            if let value { values[id] = StatedValue(value: value, unit: unit) }
        }
        return values
    }

    /// The fixes' additions with each fact at its settled value (`values`: `factValues`, worked
    /// out once for all the fixes).
    func settledAdditions(_ fix: Fix, values: [String: StatedValue]) -> [PlanAddition] {
        return fix.additions.map { addition in
            guard case .fact(var fact) = addition, let value = values[fact.fact.id] else { return addition }
            fact.value = value
            return .fact(fact)
        }
    }

    /// How many evidence items `applied()` adds: those the evidence additions name, and a
    /// source for each fact (counted once per addition; a fact named twice is stated once).
    private var plannedItemCount: Int {
        fixes.flatMap(\.additions).reduce(0) { count, addition in
            switch addition {
            case .evidence(let evidence): count + max(0, evidence.count)
            case .fact: count + 1
            case .service: count
            }
        }
    }

    /// The base submission with every fix's additions and every action made: services
    /// declared, items of the named types issued on the as-of date (with a review-by date a
    /// year later) and linked to their indicator, facts stated at their settled values citing
    /// a new item of their first source type, and actions due on the last day of their window.
    func applied() -> Submission {
        var submission = base
        // One copy of the evidence at its final size, not a doubled buffer for the appends.
        submission.evidence.reserveCapacity(base.evidence.count + plannedItemCount)
        var usedIDs = Set(base.evidence.map(\.id))
        func newID(_ stem: String) -> String {
            var number = usedIDs.count + 1
            while usedIDs.contains("\(stem)-\(number)") { number += 1 }
            usedIDs.insert("\(stem)-\(number)")
            return "\(stem)-\(number)"
        }
        let reviewBy = asOf.adding(months: 12)
        let values = factValues
        var factsDone = Set<String>()
        for fix in fixes {
            for addition in fix.additions {
                switch addition {
                case .service(let offer):
                    guard !submission.offers(offer.serviceType.id) else { continue }
                    submission.services.append(OfferedService(serviceType: offer.serviceType.id, riskLevels: offer.riskLevels.map(\.id)))
                case .evidence(let evidence):
                    for _ in 0..<max(0, evidence.count) {
                        let issued = max(asOf, evidence.issuedOnOrAfter ?? asOf)
                        submission.evidence.append(EvidenceItem(id: newID("planned-\(evidence.evidenceType.id)"), type: evidence.evidenceType.id,
                                                                title: "Planned: \(evidence.evidenceType.label)", issued: issued,
                                                                reviewBy: evidence.reviewByOnOrAfter.map { max($0, reviewBy) },
                                                                file: nil, supports: [evidence.indicator]))
                    }
                case .fact(let fact):
                    guard factsDone.insert(fact.fact.id).inserted, let value = values[fact.fact.id] else { continue }
                    let type = fact.sourceTypes?.first?.id ?? vocabulary.evidenceTypes.first?.id ?? "evidence"
                    let source = newID("planned-source-\(fact.fact.id)")
                    submission.evidence.append(EvidenceItem(id: source, type: type, title: "Planned: the source of \(fact.fact.label)",
                                                            issued: asOf, reviewBy: nil, file: nil, supports: []))
                    submission.facts.removeAll { $0.id == fact.fact.id }
                    submission.facts.append(StatedFact(id: fact.fact.id, value: value.value, unit: value.unit, sourceEvidenceID: source))
                }
            }
        }
        for action in actions {
            submission.actionPlan.append(PlannedAction(indicatorID: action.id, due: action.to, owner: "plan", action: "planned"))
        }
        return submission
    }
}
