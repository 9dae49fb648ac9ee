/// Whether two providers are the same organisation, and what that was decided on.
///
/// Registered numbers decide when both providers give one (charity number, else company
/// number; see `Provider.registeredNumber`). When either gives none, the names decide,
/// compared ignoring case and spacing, so two organisations are only ever taken for one
/// when nothing better than the name is known.
public struct OrganisationMatch: Sendable, Hashable, Codable {
    /// What the decision rests on.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// Both providers give a registered number.
        case registeredNumber = "registered-number"
        /// At least one provider gives no registered number.
        case name
    }

    /// True when the two are taken to be the same organisation.
    public var same: Bool
    public var comparedBy: Basis

    public init(same: Bool, comparedBy: Basis) {
        self.same = same
        self.comparedBy = comparedBy
    }

    /// Compares `first` with `second` by the rule above.
    public init(_ first: Provider, _ second: Provider) {
        if let one = first.registeredNumber, let other = second.registeredNumber {
            self.init(same: one == other, comparedBy: .registeredNumber)
        } else {
            self.init(same: FindingsSubject.folded(first.name) == FindingsSubject.folded(second.name), comparedBy: .name)
        }
    }
}
