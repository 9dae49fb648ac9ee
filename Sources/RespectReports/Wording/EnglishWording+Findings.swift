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

    /// Where the verdict words come from, said in every report: the outcomes are the engine's
    /// readings in commissioners' terms, the percentages are the project's modelling, and
    /// Respect's own steps decide accreditation.
    public static let whereVerdictWordsComeFrom = "'Achieved', 'working towards' and 'not yet' are this engine's advisory readings of the evidence in the terms commissioners use in tenders; Respect publishes no 'working towards' status, and the percentages and thresholds behind these readings are this project's modelling, not Respect's. Respect's own steps are: membership of Respect; a self-assessment and a readiness checklist answered 'yes' throughout; a desk review, interviews and a site visit; then a decision by an independent panel."

    public func message(_ advisory: Advisory) -> String {
        switch advisory {
        case .selfAssessment:
            "This verdict is advisory. \(Self.whereVerdictWordsComeFrom) Indicators marked 'needs assessor' can only be confirmed in Respect's own assessment."
        case .tenderComparison:
            "This comparison is advisory. It applies the tender's rules to what each bid's evidence shows as of the deadline. \(Self.whereVerdictWordsComeFrom) The award is decided by the commissioner."
        }
    }

    public func frameworkNotice(_ framework: FrameworkSummary) -> String {
        framework.notice + (framework.evaluatedForTender.map { " Evaluated for tender \($0): with its stricter thresholds and local indicators." } ?? "")
    }
}
