import RespectModel

/// What a history is asked for: text that is an organisation's name or one of its numbers.
///
/// A run matches when its provider's name equals `nameKey` (names compared ignoring case and
/// spacing), or when `numberKey` equals its charity or company number (both normalised by
/// `Provider.registeredNumber(_:)`). Every implementation matches exactly so; the matches are
/// then told apart by registered number (`OrganisationHistory.grouping`).
public struct OrganisationQuery: Sendable, Hashable {
    /// As given.
    public var text: String
    /// The name as names are compared (`FindingsSubject.folded`).
    public var nameKey: String
    /// The text as a registered number; `nil` when it holds nothing but white space.
    public var numberKey: String?

    public init(_ text: String) {
        self.text = text
        nameKey = FindingsSubject.folded(text)
        numberKey = Provider.registeredNumber(text)
    }
}
