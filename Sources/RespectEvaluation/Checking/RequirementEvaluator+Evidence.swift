import RespectModel

extension RequirementEvaluator {
    /// An evidence leaf: counts linked items of the type that are not future-dated, not too old
    /// and (if required) not past review.
    func evaluate(_ rule: EvidenceRule, for indicator: Indicator) -> RequirementOutcome {
        // Only reasons and warnings need the label; most leaves are satisfied and never look it up.
        let vocabulary = vocabulary
        lazy var type = vocabulary.evidenceTypeReference(rule.type)
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
                if collectsWarnings { warnings += expiryWarnings(evidence[position], rule: rule, indicator: indicator, type: type) }
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
                reasons.append(.issuedAfterAsOf(evidenceID: item.id, evidenceType: type, issued: item.issued, asOf: asOf))
            case .tooOld:
                reasons.append(.tooOld(evidenceID: item.id, evidenceType: type, issued: item.issued,
                                       oldestAccepted: oldestAccepted ?? asOf, maximumAgeMonths: rule.maximumAgeMonths ?? 0, asOf: asOf))
            case .reviewDateMissing:
                reasons.append(.reviewDateMissing(evidenceID: item.id, evidenceType: type))
            default:
                reasons.append(.reviewDatePassed(evidenceID: item.id, evidenceType: type, reviewBy: item.reviewBy ?? asOf, asOf: asOf))
            }
        }

        let missing = rule.minimumCount - countedCount
        let provision = EvidenceProvision(count: missing, more: !(countedCount == 0 && missing == rule.minimumCount),
                                          evidenceType: type, indicator: indicator.id, issuedOnOrAfter: oldestAccepted,
                                          reviewByOnOrAfter: rule.requiresReviewDateNotPassed ? asOf : nil)
        let headline: Reason = linkedCount == 0
            ? .noEvidence(evidenceType: type, required: rule.minimumCount)
            : .tooFewItems(evidenceType: type, counted: countedCount, required: rule.minimumCount)
        if vocabulary.evidenceType(rule.type) == nil {
            reasons.append(.unknownEvidenceType(evidenceType: type))
        }
        let unlinked = listsEvidence ? index.unlinkedIDs(ofType: rule.type, indicator: indicator.id) : []
        return RequirementOutcome(satisfied: false, hasProgress: countedCount > 0, reasons: reasons + [headline],
                                  evidenceUsed: counted, toProvide: [.evidence(provision)], unlinkedCandidates: unlinked,
                                  warnings: warnings)
    }

    /// Warnings for a counted item that will stop counting soon after the as-of date.
    private func expiryWarnings(_ item: EvidenceItem, rule: EvidenceRule, indicator: Indicator, type: @autoclosure () -> TermReference) -> [Warning] {
        let horizon = asOf.adding(days: warningHorizonDays)
        var warnings: [Warning] = []
        if let reviewBy = item.reviewBy, reviewBy >= asOf, reviewBy <= horizon {
            warnings.append(Warning(.reviewDueSoon(item: EvidenceMention(id: item.id, title: item.title, type: type()), reviewBy: reviewBy, asOf: asOf),
                                    line: item.line))
        }
        if let months = rule.maximumAgeMonths {
            // The last day the item still counts: the latest as-of date whose oldest accepted
            // issue date (as-of − months) is not after the item's.
            let lastDay = item.issued.lastDay(withinMonths: months)
            if lastDay >= asOf, lastDay < horizon {
                warnings.append(Warning(.ageLimitSoon(item: EvidenceMention(id: item.id, title: item.title, type: type()), lastDay: lastDay,
                                                      maximumAgeMonths: months, indicators: [indicator.id]),
                                        line: item.line))
            }
        }
        return warnings
    }

    /// A fact threshold: the stated fact must exist, be of the right kind and unit, and pass;
    /// it is backed when it cites an item of a type the framework allows for the fact (see
    /// `backing(of:)`), and a passing fact that is not backed is noted in `unbacked`.
    func evaluate(_ threshold: FactThreshold) -> RequirementOutcome {
        let fact = vocabulary.factReference(threshold.factID)
        let statedFact = index.facts[threshold.factID]
        let notBacked = backing(of: statedFact, fact: fact)
        let source = notBacked.map { _ in Provision.factSource(fact: fact, allowedSourceTypes: allowedSourceTypes(threshold.factID)) }
        let provide: [Provision] = [.fact(fact: fact, threshold: threshold)] + (source.map { [$0] } ?? [])
        guard let statedFact else {
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [.factMissing(fact: fact, threshold: threshold)], toProvide: provide)
        }
        let stated = StatedValue(value: statedFact.value, unit: statedFact.unit)
        if stated.unit != threshold.unit {
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [.factUnitMismatch(fact: fact, stated: stated, threshold: threshold)], toProvide: provide)
        }
        guard stated.value.kind == threshold.value.kind else {
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [.factKindMismatch(fact: fact, stated: stated, threshold: threshold)], toProvide: provide)
        }
        if threshold.holds(for: stated.value) {
            return RequirementOutcome(satisfied: true, hasProgress: true, unbacked: notBacked.map { [$0] } ?? [],
                                      sourceProvisions: source.map { [$0] } ?? [])
        }
        return RequirementOutcome(satisfied: false, hasProgress: false,
                                  reasons: [.thresholdFailed(fact: fact, stated: stated, threshold: threshold)], toProvide: provide)
    }

    /// Why a stated fact is not backed, or `nil` when it is: it must cite (`source`) an item
    /// in the counted pack, not dated after the as-of date (unless an assessor accepted it),
    /// of a type the fact's definition allows. A fact that is not stated is not backed either.
    func backing(of stated: StatedFact?, fact: TermReference) -> Reason? {
        let allowed = allowedSourceTypes(fact.id)
        guard let stated else { return .factNotBacked(fact: fact, source: nil, sourceType: nil, allowedSourceTypes: allowed) }
        guard let item = index.source(of: stated) else {
            return .factNotBacked(fact: fact, source: stated.sourceEvidenceID, sourceType: nil, allowedSourceTypes: allowed)
        }
        let definition = vocabulary.fact(fact.id)
        let dated = item.issued <= asOf || acceptedEvidence.contains(item.id)
        if dated && (definition?.acceptsSource(ofType: item.type) ?? true) { return nil }
        return .factNotBacked(fact: fact, source: item.id, sourceType: vocabulary.evidenceTypeReference(item.type),
                              allowedSourceTypes: allowed)
    }

    /// The evidence types that can back a fact, with their labels; `nil` when any type will do.
    func allowedSourceTypes(_ factID: String) -> [TermReference]? {
        vocabulary.fact(factID)?.sourceTypes?.map(vocabulary.evidenceTypeReference)
    }
}
