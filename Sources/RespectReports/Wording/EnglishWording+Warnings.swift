public import RespectEvaluation
public import RespectModel

extension EnglishWording {
    public func message(_ warning: Warning) -> String {
        switch warning.cause {
        case .reviewDueSoon(let item, let reviewBy, let asOf):
            let days = asOf.days(until: reviewBy)
            return "\(evidence(item)) is due for review by \(reviewBy), \(days) day\(days == 1 ? "" : "s") after the as-of date"
        case .ageLimitSoon(let item, let lastDay, let months, let indicators):
            return "\(evidence(item)) stops counting after \(lastDay), when it becomes older than \(months) months (counts for \(indicators.joined(separator: ", ")))"
        case .unknownIndicator(let id, let indicators, let count, let edition, let nearest):
            let shown = indicators.map { "'\($0)'" }.joined(separator: ", ")
            let text = count == 1
                ? "evidence \(id) supports \(shown), which is not an indicator of \(edition); the link counts for nothing"
                : "evidence \(id) supports \(shown)\(count > indicators.count ? " and \(count - indicators.count) more" : ""), which are not indicators of \(edition); those links count for nothing"
            let hints = indicators.compactMap { unknown in nearest[unknown].map { (unknown, $0) } }
            if hints.count == 1, indicators.count == 1 { return text + " (did you mean `\(hints[0].1)`?)" }
            return text + (hints.isEmpty ? "" : " (did you mean: " + hints.map { "'\($0.0)' → `\($0.1)`" }.joined(separator: ", ") + "?)")
        case .unknownEvidenceType(let id, let type, let edition, let nearest):
            return "evidence \(id) has type '\(type.id)', which \(edition) does not define; it cannot count for any indicator"
                + (nearest.map { " (did you mean `\($0)`?)" } ?? "")
        case .unknownFact(let fact, let edition, let nearest):
            return "fact '\(fact)' is not defined by \(edition); it is ignored" + (nearest.map { " (did you mean `\($0)`?)" } ?? "")
        case .factUnitMismatch(let fact, let stated, let kind, let unit):
            if stated.unit == nil, let unit, stated.value.kind == kind {
                return "fact '\(fact)' is stated without its unit, so it cannot count; add unit=\"\(unit)\""
            }
            return "fact '\(fact)' is stated as '\(statedValue(stated))'; expected a \(kind.rawValue)\(unit.map { " in " + $0 } ?? ""), so it cannot count"
        case .issuedAfterAsOf(let id, let issued, let asOf):
            return "evidence \(id) is dated \(issued), after the as-of date \(asOf); it does not count"
        case .editionMismatch(let target, let edition):
            return "the submission targets \(target) but is evaluated against \(edition)"
        case .supersededEdition(let edition, let successor):
            return "\(edition) is superseded by edition \(successor)"
        case .actionForUnknownIndicator(let indicator, let edition, let nearest):
            return "action-plan entry for '\(indicator)', which is not an indicator of \(edition); it covers nothing"
                + (nearest.map { " (did you mean `\($0)`?)" } ?? "")
        case .migratedEdition(let from, let to):
            return "the submission targets \(from); its evidence was carried over to \(to) through the declared links between the editions (see the migration checklist)"
        case .findingsNotForSubmission(let subject, let provider, let sha256):
            return "findings for \(findingsSubject(subject)) do not concern this submission (\(provider)\(sha256.map { ", SHA-256 \($0.prefix(12))…" } ?? "")); ignored"
        case .unknownFindingTarget(let target, let id, let edition):
            return "the finding names \(findingTarget(target, id)), which is not in \(edition.map { "framework \($0)" } ?? "the submission"); ignored"
        case .findingNotApplied(let target, let id, .indicatorNotApplicable):
            return "the finding on \(findingTarget(target, id)) is ignored: the indicator does not apply to the services and risk levels this submission declares"
        case .findingNotApplied(let target, let id, .fileChanged(let sha256)):
            return "the finding on \(findingTarget(target, id)) is ignored: the assessor judged a document with SHA-256 \(sha256.prefix(12))…, but the submission now names another file"
        case .evidenceFileNotConfirmed(let id, let path, let declared, let problem):
            return "evidence \(id) does not count: " + evidenceFile(path: path, problem: problem, declared: declared)
                + "; correct the path or the SHA-256 in the submission, or put the document there"
        case .findingExpired(let target, let id, let expired, let asOf):
            return "the finding on \(findingTarget(target, id)) expired on \(expired), before the as-of date \(asOf); it no longer applies"
        }
    }

    public func warningTag(_ kind: Warning.Kind) -> String {
        switch kind {
        case .reviewDueSoon: "review due soon"
        case .ageLimitSoon: "expiring soon"
        case .unknownIndicator: "unknown indicator"
        case .unknownEvidenceType: "unknown evidence type"
        case .unknownFact: "unknown fact"
        case .factUnitMismatch: "unit mismatch"
        case .issuedAfterAsOf: "dated after as-of"
        case .editionMismatch: "edition mismatch"
        case .supersededEdition: "superseded edition"
        case .actionForUnknownIndicator: "action for unknown indicator"
        case .migratedEdition: "carried over from an older edition"
        case .findingsNotForSubmission: "findings for another submission"
        case .unknownFindingTarget: "finding on unknown target"
        case .findingNotApplied: "finding not applied"
        case .findingExpired: "finding expired"
        case .evidenceFileNotConfirmed: "evidence file not confirmed"
        }
    }

    public func location(_ warning: Warning) -> String {
        if let file = warning.file { return warning.line.map { "\(file):\($0): " } ?? "\(file): " }
        return warning.line.map { "line \($0): " } ?? ""
    }

    public func findingsSubject(_ subject: FindingsSubject) -> String {
        var parts: [String] = []
        if let provider = subject.provider { parts.append("provider '\(provider)'") }
        if let charity = subject.charityNumber { parts.append("charity \(charity)") }
        if let company = subject.companyNumber { parts.append("company \(company)") }
        if let sha256 = subject.submissionSHA256 { parts.append("submission SHA-256 \(sha256.prefix(12))…") }
        return parts.joined(separator: ", ")
    }

    /// "E1 'Safeguarding policy' (“Policy”)".
    private func evidence(_ item: EvidenceMention) -> String {
        "\(item.id) '\(item.title)' (“\(item.type.label)”)"
    }

    /// "indicator 'training-recent'".
    private func findingTarget(_ target: FindingTargetKind, _ id: String) -> String {
        "\(target.rawValue) '\(id)'"
    }
}
