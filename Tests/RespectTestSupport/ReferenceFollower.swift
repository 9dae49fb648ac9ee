public import RespectModel

/// Builds, from a framework reference alone, the submission a provider would write by doing
/// exactly what each listed indicator asks: for each evidence requirement the items of that
/// type, recent enough and with a review-by date ahead; for each fact a value that passes
/// every threshold on it. "One of" takes its first alternative; "at least N of" its first N.
/// Used to prove that the reference (and so the template's guidance) is enough to meet the
/// indicators without reading anything else.
public enum ReferenceFollower {
    public static func submission(following reference: FrameworkReference, base: Submission, asOf: CalendarDate) -> Submission {
        var submission = base
        submission.asOf = asOf
        var thresholds: [String: [FactThreshold]] = [:]
        for indicator in reference.indicators {
            for leaf in chosenLeaves(indicator.requirement) {
                switch leaf {
                case .evidence(let rule):
                    for index in 1...rule.minimumCount {
                        submission.evidence.append(EvidenceItem(
                            id: "\(indicator.id)-\(rule.type)-\(index)", type: rule.type,
                            title: "\(reference.framework.vocabulary.evidenceLabel(rule.type)) for \(indicator.number)",
                            issued: asOf.adding(months: -1), reviewBy: asOf.adding(months: 12), file: nil, supports: [indicator.id]))
                    }
                case .fact(let threshold):
                    thresholds[threshold.factID, default: []].append(threshold)
                case .service, .allOf, .anyOf, .atLeast:
                    continue
                }
            }
        }
        for fact in reference.framework.vocabulary.facts {
            guard let constraints = thresholds[fact.id] else { continue }
            submission.facts.append(StatedFact(id: fact.id, value: value(passing: constraints), unit: fact.unit))
        }
        return submission
    }

    /// The leaves a provider following the first alternatives provides.
    static func chosenLeaves(_ requirement: EvidenceRequirement) -> [EvidenceRequirement] {
        switch requirement {
        case .allOf(let children): children.flatMap(chosenLeaves)
        case .anyOf(let children): children.prefix(1).flatMap(chosenLeaves)
        case .atLeast(let count, let children): children.prefix(count).flatMap(chosenLeaves)
        case .evidence, .fact, .service: [requirement]
        }
    }

    /// A value that passes every threshold: the tightest lower bound (one more when strict),
    /// else the tightest upper bound (one less when strict), else the value an `eq` names.
    static func value(passing thresholds: [FactThreshold]) -> FactValue {
        if let equal = thresholds.first(where: { $0.comparison == .eq }) { return equal.value }
        if case .boolean(let flag) = thresholds[0].value {
            return .boolean(thresholds[0].comparison == .ne ? !flag : flag)
        }
        let numbers = thresholds.compactMap { threshold -> (Comparison, ExactDecimal)? in
            if case .number(let number) = threshold.value { return (threshold.comparison, number) }
            return nil
        }
        let one = ExactDecimal(1).millionths
        let lower = numbers.compactMap { comparison, value -> Int64? in
            comparison == .ge ? value.millionths : comparison == .gt ? value.millionths + one : nil
        }.max()
        let upper = numbers.compactMap { comparison, value -> Int64? in
            comparison == .le ? value.millionths : comparison == .lt ? value.millionths - one : nil
        }.min()
        return .number(ExactDecimal(millionths: lower ?? upper ?? one))
    }
}
