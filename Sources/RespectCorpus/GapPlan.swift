import RespectModel

/// Which applicable indicators a generated submission fails, chosen so that the framework's
/// outcome rules give the profile's verdict, and the action plan that goes with them.
struct GapPlan {
    let applicable: [Indicator]
    private let satisfying: [[LeafPlan]?]
    private let failingPlans: [[LeafPlan]?]
    /// Indices into `applicable` of the indicators that will not be met.
    private(set) var failing: Set<Int> = []
    private var coverage = Coverage.none
    /// Whether unmet desirable indicators may get actions (some achieved packs have no plan).
    private var plansDesirable = true

    /// How the action plan treats unmet mandatory indicators.
    private enum Coverage {
        case none
        /// Every unmet mandatory indicator, on time.
        case all
        /// Each with this probability.
        case some(Double)
        /// All but one: missing, overdue or due too late.
        case allButOne
    }

    init(applicable: [Indicator], planner: RequirementPlanner, random: inout SplitMix64) {
        self.applicable = applicable
        var satisfying: [[LeafPlan]?] = []
        var failingPlans: [[LeafPlan]?] = []
        for indicator in applicable {
            satisfying.append(planner.satisfy(indicator.requirement, random: &random))
            failingPlans.append(planner.fail(indicator.requirement, random: &random))
        }
        self.satisfying = satisfying
        self.failingPlans = failingPlans
        // A required service that is not offered: these fail whatever the profile.
        failing = Set(applicable.indices.filter { satisfying[$0] == nil })
    }

    /// The leaves to generate for indicator `index`.
    func leaves(_ index: Int) -> [LeafPlan] {
        failing.contains(index) ? (failingPlans[index] ?? []) : (satisfying[index] ?? [])
    }

    /// Chooses the failures for `profile`; returns the profile actually built (a framework
    /// whose indicators cannot fail in the needed way falls back to another).
    mutating func choose(_ profile: CorpusProfile, figures: OutcomeFigures, random: inout SplitMix64) -> CorpusProfile {
        let mandatory = applicable.indices.filter { applicable[$0].level == .mandatory }
        let gaps = mandatory.filter { !applicable[$0].isSafetyCritical && failingPlans[$0] != nil && !failing.contains($0) }
        let allowedUnmet = mandatory.count - OutcomeFigures.needed(figures.workingTowardsMandatoryPercent, of: mandatory.count)
        let naturallyUnsafe = failing.contains { applicable[$0].isSafetyCritical }
        switch profile {
        case .achieved:
            coverage = .none
            plansDesirable = random.chance(0.5)
            failDesirable(probability: 0.25, figures: figures, keepCoverage: true, random: &random)
        case .workingTowards:
            guard !gaps.isEmpty, allowedUnmet >= 1 else { return choose(.achieved, figures: figures, random: &random) }
            failing.formUnion(random.sample(gaps, count: random.int(in: 1...min(allowedUnmet, 10, gaps.count))))
            coverage = .all
            failDesirable(probability: 0.3, figures: figures, keepCoverage: false, random: &random)
        case .notYetGaps:
            guard !gaps.isEmpty else { return choose(.achieved, figures: figures, random: &random) }
            if gaps.count > allowedUnmet, random.chance(0.6) {
                failing.formUnion(random.sample(gaps, count: min(gaps.count, max(allowedUnmet, 0) + 1 + random.int(in: 0...6))))
                coverage = .some(0.5)
            } else {
                failing.formUnion(random.sample(gaps, count: random.int(in: 1...min(8, gaps.count))))
                coverage = .allButOne
            }
            failDesirable(probability: 0.5, figures: figures, keepCoverage: false, random: &random)
        case .notYetUnsafe:
            if !naturallyUnsafe {
                let critical = applicable.indices.filter { applicable[$0].isSafetyCritical && failingPlans[$0] != nil }
                guard !critical.isEmpty else { return choose(.notYetGaps, figures: figures, random: &random) }
                failing.formUnion(random.sample(critical, count: random.int(in: 1...min(2, critical.count))))
            }
            if !gaps.isEmpty { failing.formUnion(random.sample(gaps, count: random.int(in: 0...min(4, gaps.count)))) }
            coverage = random.chance(0.5) ? .all : .none
            failDesirable(probability: 0.3, figures: figures, keepCoverage: false, random: &random)
        }
        return profile
    }

    /// Fails some desirable indicators; with `keepCoverage`, never so many that a section drops
    /// below the share an "achieved" verdict needs.
    private mutating func failDesirable(probability: Double, figures: OutcomeFigures, keepCoverage: Bool, random: inout SplitMix64) {
        var seen: Set<String> = []
        for sectionID in applicable.map(\.sectionID) where seen.insert(sectionID).inserted {
            let desirable = applicable.indices.filter { applicable[$0].sectionID == sectionID && applicable[$0].level == .desirable }
            let percent = figures.achievedSectionCoverage[.desirable] ?? ExactDecimal(0)
            var spare = keepCoverage ? desirable.count - OutcomeFigures.needed(percent, of: desirable.count) : desirable.count
            spare -= desirable.filter(failing.contains).count
            for index in random.shuffled(desirable) where spare > 0 && !failing.contains(index) && failingPlans[index] != nil {
                if random.chance(probability) {
                    failing.insert(index)
                    spare -= 1
                }
            }
        }
    }

    /// The action plan: unmet mandatory indicators as the coverage says, some unmet desirable
    /// ones, in the framework's order.
    func actionPlan(asOf: CalendarDate, months: Int, random: inout SplitMix64) -> [PlannedAction] {
        let window = asOf.days(until: asOf.adding(months: months))
        let unmetMandatory = applicable.indices.filter { failing.contains($0) && applicable[$0].level == .mandatory }
        var victim: Int?
        if case .allButOne = coverage, !unmetMandatory.isEmpty { victim = random.pick(unmetMandatory) }
        var actions: [PlannedAction] = []
        for index in applicable.indices where failing.contains(index) {
            let indicator = applicable[index]
            var due: CalendarDate?
            switch (indicator.level, coverage) {
            case (.desirable, _):
                if plansDesirable, random.chance(0.4) { due = asOf.adding(days: random.int(in: 30...max(30, window + 180))) }
            case (.mandatory, .none):
                due = nil
            case (.mandatory, .all):
                due = asOf.adding(days: random.int(in: 7...max(7, window)))
            case (.mandatory, .some(let probability)):
                if random.chance(probability) { due = asOf.adding(days: random.int(in: 7...max(7, window))) }
            case (.mandatory, .allButOne):
                if index != victim {
                    due = asOf.adding(days: random.int(in: 7...max(7, window)))
                } else if random.chance(0.5) {
                    // Planned, but not within the window: overdue, or due too late.
                    due = random.chance(0.5) ? asOf.adding(days: -random.int(in: 5...120))
                                             : asOf.adding(days: window + random.int(in: 15...240))
                }
            }
            guard let due else { continue }
            actions.append(PlannedAction(indicatorID: indicator.id, due: due, owner: random.pick(CorpusText.owners),
                                         action: CorpusText.action(for: indicator, random: &random)))
        }
        return actions
    }
}
