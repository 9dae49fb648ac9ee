/// A declared link from an indicator to the indicator that carries it in a later edition of
/// the same framework (the framework file's optional `<successor>` element).
public struct SuccessorLink: Sendable, Hashable, Codable {
    /// How the old indicator relates to the new one.
    public enum Relation: String, Sendable, Codable, CaseIterable {
        /// Carried over unchanged in substance; the id may differ.
        case sameAs = "same-as"
        /// One new indicator takes its place with changed requirements.
        case replacedBy = "replaced-by"
        /// Its content is divided between several new indicators.
        case splitInto = "split-into"
        /// It and other old indicators are combined into one new indicator.
        case mergedInto = "merged-into"
    }

    public var relation: Relation
    /// The id of the indicator in `edition`.
    public var indicatorID: String
    /// The later edition the link points into.
    public var edition: String

    public init(relation: Relation, indicatorID: String, edition: String) {
        self.relation = relation
        self.indicatorID = indicatorID
        self.edition = edition
    }
}
