import RespectModel

extension RequirementEvaluator {
    /// An evidence leaf: counts linked items of the type that are not future-dated, not too old
    /// and (if required) not past review.
    func evaluate(_ rule: EvidenceRule, for indicator: Indicator) -> RequirementOutcome {
        // Only messages need the label; most leaves are satisfied and never build one.
        let vocabulary = vocabulary
        lazy var label = vocabulary.evidenceLabel(rule.type)
        let oldestAccepted = rule.maximumAgeMonths.map { asOf.adding(months: -$0) }
        let evidence = index.submission.evidence
        var linkedCount = 0  // items of the type linked to the indicator
        var countedCount = 0  // items that count
        var counted: [String] = []  // their ids, when evidence is listed
        // Items that do not count, and why; their reasons are written only if the leaf fails
        // (most leaves are satisfied, and packs keep older versions of their documents).
        var rejected: [(index: Int, kind: Reason.Kind)] = []
        var warnings: [Warning] = []
        // The items are read in place (`evidence[position]`), not copied.
        for position in index.positions(linkedTo: indicator.id) where evidence[position].type == rule.type {
            linkedCount += 1
            let issued = evidence[position].issued, reviewBy = evidence[position].reviewBy
            if !acceptedEvidence.isEmpty, acceptedEvidence.contains(evidence[position].id) {
                // An assessor accepted this item: it counts whatever its dates.
                countedCount += 1
                if listsEvidence { counted.append(evidence[position].id) }
                continue
            }
            if issued > asOf {
                rejected.append((position, .issuedAfterAsOf))
            } else if let oldestAccepted, issued < oldestAccepted {
                rejected.append((position, .tooOld))
            } else if rule.requiresReviewDateNotPassed, reviewBy == nil {
                rejected.append((position, .reviewDateMissing))
            } else if rule.requiresReviewDateNotPassed, let reviewBy, reviewBy < asOf {
                rejected.append((position, .reviewDatePassed))
            } else {
                countedCount += 1
                if listsEvidence { counted.append(evidence[position].id) }
                if collectsWarnings { warnings += expiryWarnings(evidence[position], rule: rule, indicator: indicator, label: label) }
            }
        }

        if countedCount >= rule.minimumCount {
            return RequirementOutcome(satisfied: true, hasProgress: true, evidenceUsed: counted, warnings: warnings)
        }

        var reasons: [Reason] = []
        for (position, kind) in rejected {
            let item = evidence[position]
            switch kind {
            case .issuedAfterAsOf:
                reasons.append(Reason(kind: .issuedAfterAsOf,
                                      message: "\(item.id) (“\(label)”) is dated \(item.issued), after the as-of date \(asOf)",
                                      evidenceType: rule.type, evidenceID: item.id, actual: item.issued.description, required: asOf.description))
            case .tooOld:
                let oldest = oldestAccepted ?? asOf, months = rule.maximumAgeMonths ?? 0
                reasons.append(Reason(kind: .tooOld,
                                      message: "\(item.id) (“\(label)”) was issued \(item.issued); items must be issued on or after \(oldest) (no more than \(months) months before \(asOf))",
                                      evidenceType: rule.type, evidenceID: item.id, actual: item.issued.description, required: oldest.description))
            case .reviewDateMissing:
                reasons.append(Reason(kind: .reviewDateMissing,
                                      message: "\(item.id) (“\(label)”) has no review-by date; this indicator needs a current review date",
                                      evidenceType: rule.type, evidenceID: item.id))
            default:
                let reviewBy = item.reviewBy ?? asOf
                reasons.append(Reason(kind: .reviewDatePassed,
                                      message: "\(item.id) (“\(label)”) was due for review by \(reviewBy), before the as-of date \(asOf)",
                                      evidenceType: rule.type, evidenceID: item.id, actual: reviewBy.description, required: asOf.description))
            }
        }

        let missing = rule.minimumCount - countedCount
        var conditions: [String] = []
        if let oldestAccepted { conditions.append("issued on or after \(oldestAccepted)") }
        if rule.requiresReviewDateNotPassed { conditions.append("with a review-by date on or after \(asOf)") }
        let more = countedCount == 0 && missing == rule.minimumCount ? "" : "more "
        let toProvide = "\(missing) \(more)item\(missing == 1 ? "" : "s") of type “\(label)” linked to \(indicator.id)"
            + (conditions.isEmpty ? "" : ", " + conditions.joined(separator: " and "))
        let headline: Reason
        if linkedCount == 0 {
            headline = Reason(kind: .noEvidence, message: "no item of type “\(label)” is linked to this indicator",
                              evidenceType: rule.type, actual: "0", required: String(rule.minimumCount))
        } else {
            headline = Reason(kind: .tooFewItems,
                              message: "\(countedCount) of the \(rule.minimumCount) required items of type “\(label)” can be counted",
                              evidenceType: rule.type, actual: String(countedCount), required: String(rule.minimumCount))
        }
        if vocabulary.evidenceType(rule.type) == nil {
            reasons.append(Reason(kind: .unknownEvidenceType, message: "evidence type '\(rule.type)' is not in the framework's vocabulary", evidenceType: rule.type))
        }
        let unlinked = listsEvidence ? index.unlinkedIDs(ofType: rule.type, indicator: indicator.id) : []
        return RequirementOutcome(satisfied: false, hasProgress: countedCount > 0, reasons: reasons + [headline],
                                  evidenceUsed: counted, toProvide: [toProvide], unlinkedCandidates: unlinked,
                                  warnings: warnings)
    }

    /// Warnings for a counted item that will stop counting soon after the as-of date.
    private func expiryWarnings(_ item: EvidenceItem, rule: EvidenceRule, indicator: Indicator, label: @autoclosure () -> String) -> [Warning] {
        let horizon = asOf.adding(days: warningHorizonDays)
        var warnings: [Warning] = []
        if let reviewBy = item.reviewBy, reviewBy >= asOf, reviewBy <= horizon {
            warnings.append(Warning(kind: .reviewDueSoon,
                                    message: "\(item.id) '\(item.title)' (“\(label())”) is due for review by \(reviewBy), \(asOf.days(until: reviewBy)) days after the as-of date",
                                    line: item.line, evidenceID: item.id, date: reviewBy))
        }
        if let months = rule.maximumAgeMonths {
            // The last day the item still counts: the latest as-of date whose oldest accepted
            // issue date (as-of − months) is not after the item's.
            let lastDay = item.issued.lastDay(withinMonths: months)
            if lastDay >= asOf, lastDay < horizon {
                warnings.append(Warning(kind: .ageLimitSoon,
                                        message: "\(item.id) '\(item.title)' (“\(label())”) stops counting after \(lastDay), when it becomes older than \(months) months",
                                        line: item.line, evidenceID: item.id, date: lastDay, indicators: [indicator.id]))
            }
        }
        return warnings
    }

    /// A fact threshold: the stated fact must exist, be of the right kind and unit, and pass.
    func evaluate(_ threshold: FactThreshold) -> RequirementOutcome {
        let definition = vocabulary.fact(threshold.factID)
        let label = definition?.label ?? threshold.factID
        let unitText = threshold.unit.map { " \($0)" } ?? ""
        let provide = "state \(threshold.factID) (\(label)) with a value \(threshold.comparison.symbol) \(threshold.value)\(unitText), backed by evidence"
        guard let stated = index.facts[threshold.factID] else {
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [Reason(kind: .factMissing, message: "the submission does not state the fact '\(threshold.factID)' (\(label)); required: \(threshold.comparison.symbol) \(threshold.value)\(unitText)",
                                                       factID: threshold.factID, required: "\(threshold.comparison.symbol) \(threshold.value)\(unitText)")],
                                      toProvide: [provide])
        }
        if stated.unit != threshold.unit {
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [Reason(kind: .factUnitMismatch,
                                                       message: "\(threshold.factID) is stated in \(stated.unit ?? "no unit"), but the requirement is in \(threshold.unit ?? "no unit")",
                                                       factID: threshold.factID, actual: "\(stated.value)\(stated.unit.map { " \($0)" } ?? "")", required: "\(threshold.comparison.symbol) \(threshold.value)\(unitText)")],
                                      toProvide: [provide])
        }
        let holds: Bool
        switch (stated.value, threshold.value) {
        case (.number(let actual), .number(let required)): holds = threshold.comparison.holds(actual, required)
        case (.boolean(let actual), .boolean(let required)): holds = threshold.comparison == .ne ? actual != required : actual == required
        default:
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [Reason(kind: .factKindMismatch,
                                                       message: "\(threshold.factID) is stated as '\(stated.value)', but the requirement needs \(threshold.value.kind == .boolean ? "true or false" : "a number")",
                                                       factID: threshold.factID, actual: stated.value.description, required: threshold.value.description)],
                                      toProvide: [provide])
        }
        if holds { return RequirementOutcome(satisfied: true, hasProgress: true) }
        let actualText = "\(stated.value)\(unitText)"
        let message = threshold.value.kind == .boolean
            ? "not confirmed: “\(label)” is stated as \(stated.value); required: \(threshold.comparison == .eq ? "" : "not ")\(threshold.value)"
            : "\(label) is \(actualText); required \(threshold.comparison.symbol) \(threshold.value)\(unitText)"
        return RequirementOutcome(satisfied: false, hasProgress: false,
                                  reasons: [Reason(kind: .thresholdFailed,
                                                   message: message,
                                                   factID: threshold.factID, actual: actualText, required: "\(threshold.comparison.symbol) \(threshold.value)\(unitText)")],
                                  toProvide: [provide])
    }
}
