public import RespectModel

/// A value chosen from a framework's vocabulary (a service type or risk level asked for by a
/// user) that the edition does not define. `description` names it, the nearest valid value
/// when one is near, and every valid value.
public struct InvalidChoice: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being chosen.
    public enum Vocabulary: String, Sendable, Hashable {
        case serviceType = "service type"
        case riskLevel = "risk level"
    }

    public var vocabulary: Vocabulary
    public var value: String
    /// `id@edition` of the edition whose vocabulary was searched.
    public var edition: String
    /// The nearest valid id, when one is near.
    public var nearest: String?
    /// Every valid id, in the framework's order.
    public var valid: [String]

    public init(vocabulary: Vocabulary, value: String, edition: String, nearest: String?, valid: [String]) {
        self.vocabulary = vocabulary
        self.value = value
        self.edition = edition
        self.nearest = nearest
        self.valid = valid
    }

    public var description: String {
        "'\(value)' is not a \(vocabulary.rawValue) of \(edition)"
            + (nearest.map { "; did you mean `\($0)`?" } ?? "")
            + " Expected one of: " + valid.joined(separator: ", ")
    }
}

extension InvalidChoice {
    /// The term of `terms` whose id or label `text` names (ignoring case, and spaces, hyphens
    /// and underscores alike), or the error saying what was expected.
    static func choose(_ text: String, among terms: [Term], vocabulary: Vocabulary, edition: String) throws(InvalidChoice) -> Term {
        let wanted = folded(text)
        if let exact = terms.first(where: { folded($0.id) == wanted || folded($0.label) == wanted }) { return exact }
        throw InvalidChoice(vocabulary: vocabulary, value: text, edition: edition,
                            nearest: NearestMatch.nearest(to: text, among: terms.map { .init(value: $0.id, names: [$0.label]) }),
                            valid: terms.map(\.id))
    }

    private static func folded(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }
}
