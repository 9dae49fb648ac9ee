public import RespectModel

/// One tender rule a bid fails: a cause with the bid's figure, the required figure, and the
/// clause of the tender it comes from.
///
/// Encoded as a flat JSON object: `code` (`Kind`'s raw value), `clause`, the cause's figures as
/// fields and `message` when a wording is given.
public struct TenderReason: Sendable, Hashable {
    public var cause: Cause
    /// The id of the tender clause the rule comes from, if it cites one.
    public var clause: String?

    public init(_ cause: Cause, clause: String? = nil) {
        self.cause = cause
        self.clause = clause
    }

    /// What the bid fails, with its figures.
    public enum Cause: Sendable, Hashable {
        /// The bid file could not be read; `problems` are its located errors.
        case unreadable(problems: [String])
        /// The bid could not be evaluated against `edition`; `problems` say why.
        case notEvaluated(edition: String, problems: [String])
        /// A safety-critical indicator is not met (`status`), with the engine's first reason.
        case safetyCritical(indicator: IndicatorMention, status: IndicatorStatus, firstReason: Reason?)
        /// The bid targets an edition (`id@edition`) the tender does not accept.
        case editionNotAccepted(bid: String, accepted: [String])
        /// The engine's outcome is not one the tender accepts.
        case outcomeNotAccepted(outcome: Verdict, mandatoryMet: Int, mandatoryApplicable: Int, accepted: [Verdict])
        /// A section's outcome is not one the tender requires of it.
        case sectionOutcomeNotAccepted(SectionOutcomeResult)
        /// The bid does not offer a service type the tender requires; `offered` are the ones it does.
        case serviceNotOffered(serviceType: TermReference, offered: [String])
        /// The bid's service of the type does not serve every risk level the tender requires.
        case riskLevelNotServed(serviceType: String, served: [String], required: [String], missing: [String])
        /// The bid's fact does not meet the tender's stricter threshold.
        case thresholdFailed(TenderThresholdFailure)
        /// A mandatory local indicator of the tender is not met.
        case localIndicatorNotMet(indicator: IndicatorMention, status: IndicatorStatus, reasons: [Reason])
        /// The action for an unmet mandatory indicator is due after the contract start.
        case actionDueAfterContractStart(indicator: IndicatorMention, due: CalendarDate, contractStart: CalendarDate)
    }

    /// The kind of rule failed; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case unreadable
        case notEvaluated = "not-evaluated"
        case safetyCritical = "safety-critical"
        case editionNotAccepted = "edition-not-accepted"
        case outcomeNotAccepted = "outcome-not-accepted"
        case sectionOutcomeNotAccepted = "section-outcome-not-accepted"
        case serviceNotOffered = "service-not-offered"
        case riskLevelNotServed = "risk-level-not-served"
        case thresholdFailed = "threshold-failed"
        case localIndicatorNotMet = "local-indicator-not-met"
        case actionDueAfterContractStart = "action-due-after-contract-start"
    }

    public var kind: Kind {
        switch cause {
        case .unreadable: .unreadable
        case .notEvaluated: .notEvaluated
        case .safetyCritical: .safetyCritical
        case .editionNotAccepted: .editionNotAccepted
        case .outcomeNotAccepted: .outcomeNotAccepted
        case .sectionOutcomeNotAccepted: .sectionOutcomeNotAccepted
        case .serviceNotOffered: .serviceNotOffered
        case .riskLevelNotServed: .riskLevelNotServed
        case .thresholdFailed: .thresholdFailed
        case .localIndicatorNotMet: .localIndicatorNotMet
        case .actionDueAfterContractStart: .actionDueAfterContractStart
        }
    }

    /// The indicator concerned, if any.
    public var indicator: IndicatorMention? {
        switch cause {
        case .safetyCritical(let indicator, _, _), .localIndicatorNotMet(let indicator, _, _),
             .actionDueAfterContractStart(let indicator, _, _):
            indicator
        case .thresholdFailed(let failure): failure.indicator
        default: nil
        }
    }
}

/// A bid's fact against a tender's stricter threshold: what the bid states (nothing, another
/// unit, or a value that fails), the tender's threshold, and the framework's own thresholds it
/// replaced and where.
public struct TenderThresholdFailure: Sendable, Hashable, Codable {
    public var fact: String
    /// `nil` when the bid does not state the fact.
    public var stated: StatedValue?
    /// The tender's threshold.
    public var threshold: FactThreshold
    /// The framework's own thresholds on the fact that the tender replaced, each once.
    public var frameworkThresholds: [FactThreshold]
    /// The applicable indicators where they were replaced.
    public var replacedAt: [IndicatorMention]
    /// The first applicable indicator that tests the fact.
    public var indicator: IndicatorMention

    public init(fact: String, stated: StatedValue?, threshold: FactThreshold, frameworkThresholds: [FactThreshold],
                replacedAt: [IndicatorMention], indicator: IndicatorMention) {
        self.fact = fact
        self.stated = stated
        self.threshold = threshold
        self.frameworkThresholds = frameworkThresholds
        self.replacedAt = replacedAt
        self.indicator = indicator
    }
}
