import RespectModel

/// Chooses plausible values for stated facts that pass, or fail, the framework's thresholds.
enum FactChooser {
    /// Whether a value exists that fails the threshold and is still plausible (no negative
    /// counts or rates).
    static func canFail(_ threshold: FactThreshold) -> Bool {
        switch (threshold.value, threshold.comparison) {
        case (.boolean, _): true
        case (.number(let value), .ge), (.number(let value), .gt): value.millionths > 0
        case (.number, _): true
        }
    }

    /// A value meeting every constraint `(threshold, holds)` on one fact, or nil when the
    /// constraints contradict each other.
    static func value(for constraints: [(FactThreshold, Bool)], unit: String?, random: inout SplitMix64) -> FactValue? {
        for (threshold, holds) in constraints {
            for _ in 0..<4 {
                let candidate = self.candidate(threshold, holds: holds, unit: unit, random: &random)
                if constraints.allSatisfy({ check(candidate, $0.0) == $0.1 }) { return candidate }
            }
        }
        return nil
    }

    /// Whether `value` passes `threshold`, as the evaluator decides it.
    static func check(_ value: FactValue, _ threshold: FactThreshold) -> Bool {
        switch (value, threshold.value) {
        case (.number(let actual), .number(let required)): threshold.comparison.holds(actual, required)
        case (.boolean(let actual), .boolean(let required)): threshold.comparison == .ne ? actual != required : actual == required
        default: false
        }
    }

    private static func candidate(_ threshold: FactThreshold, holds: Bool, unit: String?, random: inout SplitMix64) -> FactValue {
        guard case .number(let required) = threshold.value else {
            guard case .boolean(let flag) = threshold.value else { return threshold.value }
            let wanted = threshold.comparison == .ne ? !flag : flag
            return .boolean(holds ? wanted : !wanted)
        }
        let isPercent = unit == "percent"
        let base = required.millionths
        let million: Int64 = 1_000_000
        // Whole numbers mostly; percentages sometimes with one decimal.
        let step: Int64 = isPercent && random.chance(0.3) ? million / 10 : million
        func steps(_ low: Int64, _ high: Int64) -> Int64 {  // a multiple of `step` in low...high
            let lowSteps = (low + step - 1) / step, highSteps = high / step
            guard highSteps >= lowSteps else { return low }
            return Int64(random.int(in: Int(lowSteps)...Int(highSteps))) * step
        }
        let ceiling = isPercent ? 100 * million : max(base * 2, base + 10 * million)
        let millionths: Int64
        switch (threshold.comparison, holds) {
        case (.ge, true), (.gt, true):
            let low = threshold.comparison == .gt ? base + step : base
            millionths = steps(low, max(low, min(ceiling, low + max(base / 4, 3 * million))))
        case (.le, true), (.lt, true):
            let high = threshold.comparison == .lt ? base - step : base
            millionths = steps(max(million, high / 2), max(million, high))
        case (.ge, false), (.gt, false):
            let high = threshold.comparison == .gt ? base : base - step
            millionths = steps(max(0, base * 6 / 10 / step * step), max(0, high))
        case (.le, false), (.lt, false):
            let low = threshold.comparison == .le ? base + step : base
            millionths = steps(low, isPercent ? min(100 * million, max(low, base * 2)) : max(low, base * 2))
        case (.eq, true), (.ne, false):
            millionths = base
        case (.eq, false), (.ne, true):
            millionths = base + (random.chance(0.5) || base < million ? million : -million)
        }
        return .number(ExactDecimal(millionths: millionths))
    }
}
