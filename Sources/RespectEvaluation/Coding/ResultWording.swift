/// Words for the typed values of results: what JSON writes as `message` beside each `code`.
///
/// Evaluation never writes sentences; the reports module implements this protocol (in English
/// today) and hands it to `ResultCoding.encode` in `userInfo[.resultWording]`. Without it, a
/// result encodes its codes and figures only, which is how the run store keeps results.
public protocol ResultWording: Sendable {
    /// Why an indicator has its status.
    func message(_ reason: Reason) -> String
    /// What to provide.
    func message(_ provision: Provision) -> String
    /// Something to know that is not a shortfall (without its location).
    func message(_ warning: Warning) -> String
    /// An outcome rule's condition with the submission's figures.
    func message(_ condition: ConditionResult) -> String
    /// A tender rule a bid fails.
    func message(_ reason: TenderReason) -> String
    /// What a migrated submission's new indicator asks for.
    func message(_ note: MigrationNote) -> String
    /// A change in what an indicator asks for between two editions.
    func message(_ change: RequirementChange) -> String
    /// The engine's own view of what a finding judges.
    func message(_ view: AutomatedView) -> String
    /// The notice that a result is advice.
    func message(_ advisory: Advisory) -> String
    /// Which condition of an outcome rule needs a plan entry.
    func message(_ cause: PlanCause) -> String
    /// What a plan step changes for an indicator.
    func message(_ change: PlanChange) -> String
    /// One thing a plan asks to add.
    func message(_ addition: PlanAddition) -> String
}

extension CodingUserInfoKey {
    /// The `ResultWording` that writes the `message` of each typed value; absent: no messages.
    public static let resultWording = CodingUserInfoKey(rawValue: "respect.resultWording")!
}

extension Encoder {
    /// The wording to write messages with, if the caller gave one.
    var resultWording: (any ResultWording)? {
        userInfo[.resultWording] as? any ResultWording
    }
}
