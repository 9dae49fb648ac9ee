public import RespectModel

/// The outcome of one section for a tender (defined in `tender-v1.xsd`).
public enum SectionOutcome: String, Sendable, Codable {
    /// Every applicable mandatory indicator in it is met (needs-assessor counts, provisionally)
    /// and no safety-critical indicator in it fails.
    case achieved
    /// No safety-critical failure in it, and every unmet applicable mandatory indicator in it
    /// has an action due in the allowed window.
    case workingTowards = "working-towards"
    case notYet = "not-yet"
    /// No indicator of the section applies to the bid; satisfies no requirement.
    case notApplicable = "not-applicable"

    /// Plain words for reports.
    public var label: String {
        switch self {
        case .achieved: "achieved"
        case .workingTowards: "working towards"
        case .notYet: "not yet"
        case .notApplicable: "not applicable"
        }
    }

    /// Whether this outcome is one of the `accepted` verdicts.
    public func isAccepted(by accepted: [Verdict]) -> Bool {
        switch self {
        case .achieved: accepted.contains(.achieved)
        case .workingTowards: accepted.contains(.workingTowards)
        case .notYet, .notApplicable: false
        }
    }
}

/// A section's outcome for a bid, against what the tender requires of it.
public struct SectionOutcomeResult: Sendable, Codable {
    public var section: String
    public var number: String
    public var title: String
    public var outcome: SectionOutcome
    public var accept: [Verdict]
    public var accepted: Bool
    public var clause: String?
    /// The figures behind the outcome, in words.
    public var detail: String
    /// `number id` of each unmet applicable mandatory indicator in the section.
    public var unmetMandatory: [String]
    /// `number id` of each failing safety-critical indicator in the section.
    public var safetyCriticalFailures: [String]
}

/// Works out section outcomes from an assessment and the bid's action plan.
struct SectionOutcomeJudge {
    let assessment: Assessment
    let actions: [String: [PlannedAction]]
    /// Actions must be due from this date…
    let asOf: CalendarDate
    /// …to this one, when the tender says so.
    let dueBy: CalendarDate?

    init(assessment: Assessment, submission: Submission, dueBy: CalendarDate?) {
        self.assessment = assessment
        self.actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
        self.asOf = assessment.asOf
        self.dueBy = dueBy
    }

    func judge(_ requirement: SectionOutcomeRequirement) -> SectionOutcomeResult {
        let section = assessment.sections.first { $0.id == requirement.sectionID }
        let results = assessment.indicators.filter { $0.section == requirement.sectionID && $0.status != .notApplicable }
        let unmet = results.filter { $0.level == .mandatory && $0.status.isUnmet }
        let unsafe = results.filter { $0.safetyCritical && $0.status.isUnmet }
        let mandatory = results.filter { $0.level == .mandatory }
        let outcome: SectionOutcome
        if results.isEmpty {
            outcome = .notApplicable
        } else if !unsafe.isEmpty {
            outcome = .notYet
        } else if unmet.isEmpty {
            outcome = .achieved
        } else {
            outcome = unmet.allSatisfy(isCovered) ? .workingTowards : .notYet
        }
        var detail = results.isEmpty
            ? "no indicator of this section applies to the services the bid declares"
            : "\(mandatory.count - unmet.count) of \(mandatory.count) applicable mandatory indicators met"
        if !unsafe.isEmpty { detail += "; safety-critical failure: " + unsafe.map(label).joined(separator: ", ") }
        let otherUnmet = unmet.filter { !$0.safetyCritical }
        if !otherUnmet.isEmpty {
            let uncovered = otherUnmet.filter { !isCovered($0) }
            detail += "; not met: " + otherUnmet.map(label).joined(separator: ", ")
            if !uncovered.isEmpty, unsafe.isEmpty {
                detail += "; without an action due \(window): " + uncovered.map(label).joined(separator: ", ")
            }
        }
        return SectionOutcomeResult(section: requirement.sectionID, number: section?.number ?? "",
                                    title: section?.title ?? requirement.sectionID, outcome: outcome,
                                    accept: requirement.accept, accepted: outcome.isAccepted(by: requirement.accept),
                                    clause: requirement.clause, detail: detail, unmetMandatory: unmet.map(label),
                                    safetyCriticalFailures: unsafe.map(label))
    }

    /// The window actions must fall in, in words.
    var window: String {
        dueBy.map { "from \(asOf) to \($0)" } ?? "on or after \(asOf)"
    }

    /// Whether an unmet indicator has an action due in the window.
    func isCovered(_ result: IndicatorResult) -> Bool {
        (actions[result.id] ?? []).contains { action in
            action.due >= asOf && (dueBy.map { action.due <= $0 } ?? true)
        }
    }

    private func label(_ result: IndicatorResult) -> String {
        "\(result.number) \(result.id)"
    }
}
