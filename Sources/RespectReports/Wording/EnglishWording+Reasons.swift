public import RespectEvaluation
import RespectModel

extension EnglishWording {
    public func message(_ reason: Reason) -> String {
        switch reason {
        case .noEvidence(let type, _):
            return "no item of type “\(type.label)” is linked to this indicator"
        case .tooFewItems(let type, let counted, let required):
            return "\(counted) of the \(required) required items of type “\(type.label)” can be counted"
        case .tooOld(let id, let type, let issued, let oldest, let months, let asOf):
            return "\(id) (“\(type.label)”) was issued \(issued); items must be issued on or after \(oldest) (no more than \(months) months before \(asOf))"
        case .reviewDatePassed(let id, let type, let reviewBy, let asOf):
            return "\(id) (“\(type.label)”) was due for review by \(reviewBy), before the as-of date \(asOf)"
        case .reviewDateMissing(let id, let type):
            return "\(id) (“\(type.label)”) has no review-by date; this indicator needs a current review date"
        case .issuedAfterAsOf(let id, let type, let issued, let asOf):
            return "\(id) (“\(type.label)”) is dated \(issued), after the as-of date \(asOf)"
        case .unknownEvidenceType(let type):
            return "evidence type '\(type.id)' is not in the framework's vocabulary"
        case .factMissing(let fact, let threshold):
            return "the submission does not state the fact '\(fact.id)' (\(fact.label)); required: \(self.threshold(threshold))"
        case .factUnitMismatch(let fact, let stated, let threshold):
            return "\(fact.id) is stated in \(stated.unit ?? "no unit"), but the requirement is in \(threshold.unit ?? "no unit")"
        case .factKindMismatch(let fact, let stated, let threshold):
            return "\(fact.id) is stated as '\(stated.value)', but the requirement needs \(threshold.value.kind == .boolean ? "true or false" : "a number")"
        case .thresholdFailed(let fact, let stated, let threshold):
            if threshold.value.kind == .boolean {
                return "not confirmed: “\(fact.label)” is stated as \(stated.value); required: \(threshold.comparison == .eq ? "" : "not ")\(threshold.value)"
            }
            return "\(fact.label) is \(stated.value)\(unit(threshold.unit)); required \(self.threshold(threshold))"
        case .factNotBacked(let fact, let source, let sourceType, let allowed):
            let needed = "an assessor must see the document that shows it" + (allowed.map { "; it can be backed by citing " + sourceTypes($0) } ?? "")
            guard let source else { return "\(fact.id) cites no source item (source=\"…\"), so it is a claim only; \(needed)" }
            guard let sourceType else { return "\(fact.id) cites \(source), which is not in the pack, so it is a claim only; \(needed)" }
            return "\(fact.id) cites \(source), a “\(sourceType.label)”, which cannot show this figure; \(needed)"
        case .serviceNotOffered(let type):
            return "the submission does not offer \(type.label) (\(type.id))"
        case .alternativesNotMet(let met, let required, let of):
            return "\(met) of the \(required) required alternatives (out of \(of)) are met"
        case .notApplicable(let services, let risks):
            var parts: [String] = []
            if let services { parts.append("services: " + services.map(\.label).joined(separator: ", ")) }
            if let risks { parts.append("risk levels: " + risks.map(\.label).joined(separator: ", ")) }
            return "applies only to " + parts.joined(separator: "; ") + " — none of which the submission declares"
        case .needsAssessor(let verification):
            switch verification {
            case .siteVisit: return "the paper evidence is in place; only interviews or observation on a site visit can confirm this indicator"
            case .caseSample: return "the paper evidence is in place; an assessor must sample case files to confirm this indicator"
            case .interview: return "the paper evidence is in place; only an assessor's interviews can show this indicator, never documents"
            case .desk: return "the paper evidence is in place; an assessor must confirm this indicator"
            }
        case .assessorFinding(let finding):
            return message(finding)
        case .evidenceFileNotConfirmed(let id, let type, let path, let problem):
            return "\(id) (“\(type.label)”) does not count: " + evidenceFile(path: path, problem: problem, declared: nil)
        }
    }

    private func message(_ finding: AssessorFindingReason) -> String {
        let item = finding.evidenceID ?? ""
        switch finding.effect {
        case .evidenceRejected:
            return "\(item) was rejected by \(finding.assessor) (\(finding.date)): \(finding.assessorReason)"
        case .evidenceNeedsSiteVisit:
            return "\(finding.assessor) (\(finding.date)) needs a site visit to confirm evidence \(item): \(finding.assessorReason)"
        case .indicatorDecision:
            return "\(finding.assessor) (\(finding.date)) \(finding.decision.label): \(finding.assessorReason)"
        }
    }

    public func message(_ provision: Provision) -> String {
        switch provision {
        case .evidence(let evidence):
            var conditions: [String] = []
            if let oldest = evidence.issuedOnOrAfter { conditions.append("issued on or after \(oldest)") }
            if let reviewBy = evidence.reviewByOnOrAfter { conditions.append("with a review-by date on or after \(reviewBy)") }
            return "\(evidence.count) \(evidence.more ? "more " : "")item\(evidence.count == 1 ? "" : "s") of type “\(evidence.evidenceType.label)” linked to \(evidence.indicator)"
                + (conditions.isEmpty ? "" : ", " + conditions.joined(separator: " and "))
        case .fact(let fact, let threshold):
            return "state \(fact.id) (\(fact.label)) with a value \(self.threshold(threshold))"
        case .factSource(let fact, let allowed):
            return "cite as the source of \(fact.id) (source=\"ITEM-ID\") " + (allowed.map(sourceTypes) ?? "the evidence item")
                + " that shows the figure; an assessor will check that it does"
        case .service(let type):
            return "offer \(type.label) and declare it as a service of type '\(type.id)'"
        case .oneOf(let alternatives):
            return "one of: " + alternatives.map(allOf).joined(separator: "; or ")
        case .moreOf(let count, let options):
            return "\(count) more of: " + options.map(allOf).joined(separator: "; ")
        case .answerFinding(_, _, let reason):
            return "evidence that answers the assessor's finding: \(reason)"
        }
    }

    /// Source types as a choice: "an item of type “Data report” or “Outcomes report”".
    func sourceTypes(_ types: [TermReference]) -> String {
        "an item of type " + types.map { "“\($0.label)”" }.joined(separator: " or ")
    }

    /// Provisions that are all needed: "A and B".
    private func allOf(_ provisions: [Provision]) -> String {
        provisions.map(message).joined(separator: " and ")
    }
}
