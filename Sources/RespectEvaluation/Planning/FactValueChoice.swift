import RespectModel

/// Chooses the value a plan asks a fact to be stated at: one that passes every threshold the
/// step needs it to pass, breaks as few thresholds of indicators already met as it can, and
/// is the stated value when that already passes, else the nearest figure a threshold names
/// (22 for "≥ 22 weeks", 23 for "> 22 weeks").
enum FactValueChoice {
    /// The value, or `nil` when no candidate passes every `required` threshold (thresholds
    /// that contradict each other).
    static func value(required: [FactThreshold], protected: [FactThreshold], stated: FactValue?) -> FactValue? {
        var candidates: [FactValue] = []
        if let stated { candidates.append(stated) }
        for threshold in required + protected {
            for candidate in boundary(threshold) where !candidates.contains(candidate) { candidates.append(candidate) }
        }
        var best: (value: FactValue, kept: Int)?
        for candidate in candidates where required.allSatisfy({ $0.holds(for: candidate) }) {
            let kept = protected.filter { $0.holds(for: candidate) }.count
            if best.map({ kept > $0.kept }) ?? true { best = (candidate, kept) }
        }
        return best?.value
    }

    /// The values nearest a threshold's figure: the figure itself and one step either side
    /// for numbers, both answers for yes/no.
    private static func boundary(_ threshold: FactThreshold) -> [FactValue] {
        switch threshold.value {
        case .boolean: return [.boolean(true), .boolean(false)]
        case .number(let figure):
            let step = ExactDecimal(1).millionths
            var values: [FactValue] = [.number(figure)]
            let (above, overflowAbove) = figure.millionths.addingReportingOverflow(step)
            let (below, overflowBelow) = figure.millionths.subtractingReportingOverflow(step)
            // Prefer the side that passes: above for ≥, >, ≠; below for ≤, <.
            let sides: [(Int64, Bool)] = threshold.comparison == .le || threshold.comparison == .lt
                ? [(below, overflowBelow), (above, overflowAbove)] : [(above, overflowAbove), (below, overflowBelow)]
            for (millionths, overflow) in sides where !overflow && millionths >= 0 {
                values.append(.number(ExactDecimal(millionths: millionths)))
            }
            return values
        }
    }
}
