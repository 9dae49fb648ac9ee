public import RespectEvaluation
public import RespectModel

/// The words of the path to the next verdict.
extension EnglishWording {
    public func message(_ cause: PlanCause) -> String {
        switch cause {
        case .safetyCritical:
            return "no safety-critical indicator may fail"
        case .allMandatory:
            return "every applicable mandatory indicator must be met"
        case .mandatoryPercent(let minPercent):
            return "at least \(minPercent)% of applicable mandatory indicators must be met"
        case .sectionCoverage(let minPercent, let level, let section):
            return "section \(section.number) \(section.title) needs at least \(minPercent)% of its \(level.rawValue) indicators met"
        case .actionPlan(let months):
            return "every unmet mandatory indicator needs an action due within \(months) months"
        case .gate:
            return "a precondition must be passed before any indicator can count towards a verdict"
        case .tier(let tier):
            return "every applicable indicator of the tier “\(tier)” must be met"
        }
    }

    public func message(_ change: PlanChange) -> String {
        switch change {
        case .meet(let additions):
            return "met once you add: " + additions.map(message).joined(separator: "; ")
        case .awaitAssessor(let additions, let verification):
            return "paper evidence in place once you add: " + additions.map(message).joined(separator: "; ")
                + " — then it awaits an assessor (\(self.verification(verification))), who alone can confirm it"
        case .addAction(let from, let to):
            return "add an action-plan entry due from \(from) to \(to)"
        case .assessorOnly(let verification):
            return "only an assessor can settle it (\(self.verification(verification))); the rule does not count it while it awaits one"
        case .answerFinding(let assessor, let date, let reason):
            return "rejected by \(assessor) (\(date)): \(reason); only the assessor can revisit it"
        }
    }

    public func message(_ addition: PlanAddition) -> String {
        switch addition {
        case .evidence(let evidence):
            return message(Provision.evidence(evidence))
        case .fact(let fact):
            let source = fact.sourceTypes.map(sourceTypes) ?? "the evidence item"
            if !fact.changesValue {
                return "cite as the source of \(fact.fact.id) (stated: \(statedValue(fact.value))) \(source) that shows it"
            }
            // "(needs ≥ 22 weeks)"; nothing for a yes/no answer, whose value says it all.
            let passes = fact.thresholds.isEmpty || fact.value.value.kind == .boolean ? ""
                : " (needs " + fact.thresholds.map(threshold).joined(separator: " and ") + ")"
            return "state \(fact.fact.id) = \(statedValue(fact.value))\(passes), citing \(source) that shows it"
        case .service(let offer):
            return "offer \(offer.serviceType.label) (service type \(offer.serviceType.id))"
                + (offer.riskLevels.isEmpty ? "" : " at " + offer.riskLevels.map { $0.label.lowercased() }.joined(separator: ", "))
        }
    }
}

extension EnglishWording {
    public func stepHeading(_ step: PlanStep, number: Int) -> String {
        "Step \(number): reach “\(step.target.label)”"
    }

    public func stepSummary(_ step: PlanStep) -> String {
        var parts: [String] = []
        let meet = step.entries.filter { $0.change.kind == .meet }.count
        let awaiting = step.entries.filter { $0.change.kind == .awaitAssessor }.count
        let assessorOnly = step.entries.filter { $0.change.kind == .assessorOnly || $0.change.kind == .answerFinding }.count
        if meet > 0 { parts.append("meet \(count(meet, "indicator"))") }
        if awaiting > 0 { parts.append("put the paper evidence in place for \(count(awaiting, "indicator")) that then await\(awaiting == 1 ? "s" : "") an assessor") }
        if !step.services.isEmpty { parts.append("offer \(count(step.services.count, "service"))") }
        if !step.actions.isEmpty { parts.append("add \(count(step.actions.count, "action-plan entry", "action-plan entries"))") }
        if assessorOnly > 0 { parts.append("\(count(assessorOnly, "indicator")) only an assessor can settle") }
        return parts.isEmpty ? "nothing to add" : parts.joined(separator: ", ")
    }

    public func stepResult(_ step: PlanStep) -> String {
        guard let reached = step.reached else {
            return "Additions alone cannot reach “\(step.target.label)”: what only an assessor can settle is marked below."
        }
        return "Checked: the submission with this step added (and any step before it) was evaluated again and gives “\(reached.label)”."
    }

    public func serviceNote(_ offer: ServiceOffer, newlyApplicable: [IndicatorMention]) -> String {
        let offered = "Offer \(services([offer]))"
        guard !newlyApplicable.isEmpty else { return offered + "." }
        return offered + "; it makes \(count(newlyApplicable.count, "more indicator", "more indicators")) apply ("
            + list(newlyApplicable.map(\.number), limit: 12) + "), and this step covers those the rule needs."
    }

    public func entryChange(_ entry: PlanEntry) -> String {
        let now = entry.isNewlyApplicable ? "applies once the service is offered" : status(entry.status)
        let then: String
        switch entry.change {
        case .meet: then = "met"
        case .awaitAssessor(_, let how): then = "awaits an assessor (\(verification(how))), counted as provisionally met"
        case .addAction(let from, let to): then = "still \(entry.isNewlyApplicable ? "not met" : status(entry.status)), covered by an action due from \(from) to \(to)"
        case .assessorOnly(let how): then = "only an assessor can settle it (\(verification(how)))"
        case .answerFinding(let assessor, let date, _): then = "rejected by \(assessor) on \(date); only the assessor can revisit it"
        }
        return "\(now) → \(then)"
    }

    public func planAtHighest(_ plan: VerdictPlan) -> String {
        "“\(plan.current.label)” is the highest outcome the framework's rules give: nothing more is needed for the verdict. Keep the evidence current (see the warnings)."
    }

    public func services(_ offers: [ServiceOffer]) -> String {
        guard !offers.isEmpty else { return "none declared" }
        return offers.map { offer in
            let risks = offer.riskLevels.map { $0.label.lowercased() }
            return offer.serviceType.label + (risks.isEmpty ? "" : " (" + risks.joined(separator: "; ") + ")")
        }.joined(separator: "; ")
    }

    /// "1 indicator", "3 indicators".
    func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// Items joined with commas, cut after `limit`: "6.2.3, 7.1.1 and 40 more".
    func list(_ items: [String], limit: Int) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}

extension EnglishWording {
    public func missingHeading(step: PlanStep, number: Int) -> String {
        "Needed for step \(number) (reach “\(step.target.label)”)"
    }

    public func missingHeading(sectionNumber: String, title: String, afterPlan: Bool) -> String {
        "\(sectionNumber) \(title)" + (afterPlan ? " — not needed for a higher verdict" : "")
    }

    public func verdictHeadline(_ outcome: OutcomeDecision) -> String {
        outcome.label
    }

    public func verdictIDs(_ outcome: OutcomeDecision) -> String {
        "outcome rule \(outcome.id), verdict code \(outcome.verdict.rawValue)"
    }
}

extension EnglishWording {
    public func draftActionsIntro(_ plan: VerdictPlan) -> String {
        let count = Set(plan.steps.flatMap(\.actions).map(\.indicator.id)).count
        guard count > 0 else { return "The plan asks for no action-plan entry." }
        return "\(self.count(count, "action-plan entry", "action-plan entries")) for the path to the next verdict (as of \(plan.asOf)). "
            + "Paste them inside the submission's <actionPlan> element (after <facts>; add the element if there is none). "
            + "FILL IN each owner, and choose each due date within the window above it: the date given is the latest allowed."
    }

    public func draftActionNote(_ entry: PlanEntry, step: PlanStep, number: Int, from: CalendarDate, to: CalendarDate) -> String {
        "\(entry.indicator.number) \(entry.indicator.id) (step \(number), reach “\(step.target.label)”): due from \(from) to \(to)"
    }

    public var draftActionOwner: String { "FILL IN: who will do it" }
}
