public import RespectEvaluation

extension EnglishWording {
    /// The engine's view beside an assessor's decision: "needs assessor", "counted for
    /// facilitation", "not counted: too-old for training-recent".
    public func message(_ view: AutomatedView) -> String {
        switch view {
        case .status(let status): self.status(status)
        case .unknownIndicator: "unknown indicator"
        case .unknownEvidence: "unknown evidence item"
        case .countedFor(let indicators): "counted for " + indicators.joined(separator: ", ")
        case .notCounted(let reasons): reasons.isEmpty ? "not counted" : "not counted: " + reasons.map(reasonCode).joined(separator: ", ")
        }
    }

    /// "too-old for training-recent": a reason's code and the indicator it was given for.
    public func reasonCode(_ reason: IndicatorReason) -> String {
        "\(reason.reason.kind.rawValue) for \(reason.indicator)"
    }

    public func findingState(_ state: FindingState) -> String {
        switch state {
        case .applied: "applied"
        case .expired: "expired"
        case .superseded: "superseded by a later finding"
        case .unknownTarget: "unknown"
        case .notApplicable: "indicator not applicable"
        case .fileChanged: "document changed since judged"
        }
    }

    public func carryOver(_ carryOver: MigrationChecklist.CarryOver) -> String {
        switch carryOver {
        case .carried: "carried"
        case .partly: "partly"
        case .notCovered: "not covered"
        }
    }

    public func message(_ advisory: Advisory) -> String {
        switch advisory {
        case .selfAssessment:
            "This verdict is advisory. Accreditation against the Respect Standard is decided by Respect's assessors and an independent panel, after a desk review, interviews and a site visit. Indicators marked 'needs assessor' can only be confirmed by them."
        case .tenderComparison:
            "This comparison is advisory. It applies the tender's rules to what each bid's evidence shows as of the deadline; accreditation is decided by Respect's assessors and an independent panel, and the award by the commissioner."
        }
    }

    public func frameworkNotice(_ framework: FrameworkSummary) -> String {
        framework.notice + (framework.evaluatedForTender.map { " Evaluated for tender \($0): with its stricter thresholds and local indicators." } ?? "")
    }
}
