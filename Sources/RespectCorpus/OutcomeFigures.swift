import RespectModel

/// The figures of a framework's outcome rules that the generator must respect to aim at a
/// verdict, read from the framework itself (never hard-coded): the share of desirable
/// indicators each section needs for "achieved", the share of mandatory indicators and the
/// action-plan window for "working towards".
struct OutcomeFigures: Sendable {
    /// Per level, the highest `sectionCoverage` percentage an "achieved" rule asks for.
    var achievedSectionCoverage: [Level: ExactDecimal] = [:]
    /// The `mandatoryMetPercent` a "working towards" rule asks for (0 when none).
    var workingTowardsMandatoryPercent = ExactDecimal(0)
    /// The `actionPlanCoversUnmetMandatory` window of a "working towards" rule, in months.
    var actionPlanMonths = 12

    init(_ framework: Framework) {
        for outcome in framework.outcomes {
            for condition in outcome.conditions {
                switch (outcome.verdict, condition) {
                case (.achieved, .sectionCoverage(let percent, let level)):
                    achievedSectionCoverage[level] = max(achievedSectionCoverage[level] ?? ExactDecimal(0), percent)
                case (.workingTowards, .mandatoryMetPercent(let percent)):
                    workingTowardsMandatoryPercent = max(workingTowardsMandatoryPercent, percent)
                case (.workingTowards, .actionPlanCoversUnmetMandatory(let months)):
                    actionPlanMonths = months
                default:
                    break
                }
            }
        }
    }

    /// The fewest of `applicable` indicators that reach `percent` (rounded up).
    static func needed(_ percent: ExactDecimal, of applicable: Int) -> Int {
        // met * 100 * 10^6 >= percent.millionths * applicable
        let scaled = percent.millionths * Int64(applicable)
        let unit = Int64(100 * 1_000_000)
        return Int((scaled + unit - 1) / unit)
    }
}
