public import RespectAssessment
public import RespectEvaluation
public import RespectModel

/// The English wording of everything the engine reports: the one place its sentences are
/// made. Stateless; every report uses `EnglishWording()` unless given another `Wording`.
public struct EnglishWording: Wording {
    public init() {}

    public func status(_ status: IndicatorStatus) -> String {
        switch status {
        case .met: "met"
        case .partlyMet: "partly met"
        case .notMet: "not met"
        case .notApplicable: "not applicable"
        case .needsAssessor: "needs assessor"
        }
    }

    public func sectionOutcome(_ outcome: SectionOutcome) -> String {
        switch outcome {
        case .achieved: "achieved"
        case .workingTowards: "working towards"
        case .notYet: "not yet"
        case .notApplicable: "not applicable"
        }
    }

    public func verification(_ verification: Verification) -> String {
        switch verification {
        case .desk: "desk review"
        case .siteVisit: "site visit"
        case .caseSample: "case-file sample"
        case .interview: "interviews"
        }
    }

    public func relation(_ relation: MigrationChecklist.Relation) -> String {
        switch relation {
        case .declared(let declared): declared.rawValue
        case .sameID: "same id"
        case .new: "new"
        }
    }

    public func threshold(_ threshold: FactThreshold) -> String {
        "\(threshold.comparison.symbol) \(threshold.value)" + unit(threshold.unit)
    }

    public func unlinkedNote(_ ids: [String], mustShow: String) -> String {
        let shown = Array(ids.prefix(3)).joined(separator: ", ")
        let rest = ids.count > 3 ? " and \(ids.count - 3) more" : ""
        let claim = mustShow.hasSuffix(".") ? String(mustShow.dropLast()) : mustShow
        let items = ids.count == 1 ? "1 item of a needed type is" : "\(ids.count) items of a needed type are"
        return "link an item here only if it shows this: “\(claim)”; an assessor reads every linked document, "
            + "and one that does not show it will not count. \(items) in the pack but not linked here (\(shown)\(rest))."
    }

    public func batchEntry(_ entry: BatchRow.MissingEntry) -> String {
        let tag = entry.safetyCritical ? " (safety-critical)" : entry.level == .mandatory ? "" : " (desirable)"
        let why = entry.reason.map(message) ?? entry.toProvide.map(message) ?? status(entry.status)
        return "\(entry.indicator.number) \(entry.indicator.id)\(tag): \(why)"
    }

    /// " weeks", or nothing for a fact without a unit.
    func unit(_ unit: String?) -> String {
        unit.map { " \($0)" } ?? ""
    }

    /// "7.1.1 iss-in-place-for-every-intervention".
    func mention(_ indicator: IndicatorMention) -> String {
        "\(indicator.number) \(indicator.id)"
    }

    /// Accepted verdicts: "achieved or working towards".
    func verdicts(_ verdicts: [Verdict]) -> String {
        verdicts.map(\.label).joined(separator: " or ").lowercased()
    }
}
