/// A precondition checked before any indicator is scored, e.g. Respect membership before an
/// application. It is not scored: when it is not passed, the outcome is the framework's
/// `outcomeID` whatever the indicators show, and reports lead with `message`.
public struct Gate: Sendable {
    public var id: String
    public var number: String
    /// The outcome given when the gate is not passed (an id in `Framework.outcomes`).
    public var outcomeID: String
    /// What the provider must do first, in the framework's words.
    public var message: String
    /// The gate's evidence rule, as an indicator so it is judged exactly like one; it belongs
    /// to no section (`sectionID` is `Gate.sectionID`) and is never counted.
    public var indicator: Indicator
    /// The id of the gate that carries this one in the superseding edition, if declared.
    public var successorID: String?

    public init(id: String, number: String, outcomeID: String, message: String, indicator: Indicator,
                successorID: String? = nil) {
        self.id = id
        self.number = number
        self.outcomeID = outcomeID
        self.message = message
        self.indicator = indicator
        self.successorID = successorID
    }

    /// The section id gate indicators carry; no real section may use it.
    public static let sectionID = "gates"
}
