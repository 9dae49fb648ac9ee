public import RespectModel

/// Words with the ids a submission needs marked, so each report can show an id as code (HTML)
/// or plainly (text, CSV).
public struct MarkedText: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A piece of text, or an id to show as code.
    public enum Part: Sendable, Hashable {
        case text(String)
        case code(String)
    }

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }

    public init(stringLiteral value: String) {
        parts = [.text(value)]
    }

    /// The text with ids shown plainly.
    public var plain: String {
        parts.map { part in
            switch part {
            case .text(let text), .code(let text): text
            }
        }.joined()
    }
}

/// One line of what an indicator needs: `depth` 0 for the requirement itself, one more for
/// each level of "one of:" or "at least N of:" it sits under.
public struct RequirementLine: Sendable, Hashable {
    public var depth: Int
    public var text: MarkedText

    public init(depth: Int, text: MarkedText) {
        self.depth = depth
        self.text = text
    }
}

/// The words of the framework reference (`respect frameworks show`) and of a submission
/// template (`respect template`): what an indicator needs, where it applies, and how to write
/// each part of a submission. `EnglishWording` is the catalogue today.
public protocol ReferenceWording: Sendable {
    /// What an indicator needs, one line per evidence, fact or service requirement, with a
    /// heading line above each group of alternatives.
    func requirement(_ requirement: EvidenceRequirement, vocabulary: Vocabulary) -> [RequirementLine]
    /// Where an indicator applies, by service type and risk level ids: "every service".
    func applicability(_ applicability: Applicability) -> String
    /// An indicator's level: "mandatory".
    func level(_ level: Level) -> String
    /// How an indicator is confirmed: "site visit".
    func verificationMode(_ verification: Verification) -> String
    /// A fact's kind and unit: "a number of weeks", "true or false".
    func factValue(_ fact: FactDefinition) -> String
    /// Where an indicator comes from: "sourced, high confidence (source: …)", "modelled".
    func provenance(_ provenance: Provenance?) -> String
    /// The lines of guidance at the top of a template, for `reference`.
    func templateIntroduction(_ reference: FrameworkReference) -> [String]
    /// How to add evidence items, with an example item.
    func templateEvidenceHelp(_ reference: FrameworkReference) -> [String]
    /// How to state facts, with one line per fact the indicators use.
    func templateFactsHelp(_ reference: FrameworkReference) -> [String]
    /// How to add action-plan entries.
    func templateActionsHelp(_ reference: FrameworkReference) -> [String]
}
