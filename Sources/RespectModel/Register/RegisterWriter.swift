/// Writes a submission as an evidence register (`respect export`): one CSV file (RFC 4180,
/// through `CSVWriter`) with the Submission, Services, Evidence, Facts and Actions sections of
/// `RegisterLayout`, each after a blank row, ids as the submission has them. Reading it back
/// with `RegisterReader` gives the same submission.
public enum RegisterWriter {
    /// - Parameter localIndicators: the ids the submission links to that are not indicators of
    ///   its edition (a tender's local indicators), declared so that reading it back accepts them.
    public static func document(_ submission: Submission, localIndicators: [String] = []) -> String {
        var rows: [[String]] = []
        func section(_ section: RegisterSection, _ records: [[String]]) {
            if !rows.isEmpty { rows.append([]) }
            rows.append([section.title])
            if section != .submission { rows.append(section.columns.map(\.heading)) }
            rows += records
        }
        let provider = submission.provider
        var fields: [[String]] = [[RegisterField.provider.heading, provider.name]]
        if let number = provider.charityNumber { fields.append([RegisterField.charityNumber.heading, number]) }
        if let number = provider.companyNumber { fields.append([RegisterField.companyNumber.heading, number]) }
        if let region = provider.region { fields.append([RegisterField.region.heading, region]) }
        fields.append([RegisterField.framework.heading, submission.target.reference])
        if let asOf = submission.asOf { fields.append([RegisterField.asOf.heading, asOf.description]) }
        if !localIndicators.isEmpty { fields.append([RegisterField.localIndicators.heading, localIndicators.joined(separator: " ")]) }
        section(.submission, fields)
        section(.services, submission.services.map { [$0.serviceType, $0.riskLevels.joined(separator: " ")] })
        section(.evidence, submission.evidence.map { item in
            [item.id, item.type, item.title, item.issued.description, item.reviewBy?.description ?? "",
             item.supports.joined(separator: " "), item.file?.path ?? "", item.file?.sha256 ?? ""]
        })
        // Facts and Actions are written even when empty: their header rows show where to add them.
        section(.facts, submission.facts.map { [$0.id, $0.value.description, $0.unit ?? "", $0.sourceEvidenceID ?? ""] })
        section(.actions, submission.actionPlan.map { [$0.indicatorID, $0.action, $0.owner, $0.due.description] })
        return rows.map(CSVWriter.record).joined()
    }
}

extension Submission {
    /// The ids the submission links to (in `supports` or the action plan) that are neither
    /// indicators nor gates of `framework`, each once, in the order they first appear.
    public func linkedIDs(notIn framework: Framework) -> [String] {
        let known = Set(framework.indicators.map(\.id) + framework.gates.map(\.id))
        var seen = Set<String>()
        return (evidence.flatMap(\.supports) + actionPlan.map(\.indicatorID)).filter { !known.contains($0) && seen.insert($0).inserted }
    }
}
