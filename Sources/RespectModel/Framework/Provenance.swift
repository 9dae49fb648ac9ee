/// Where a part of a framework model comes from: stated by a public source, or the engine
/// authors' modelling. Every shipped principle, section, standard, indicator and gate says
/// which, so reports can label what a verdict rests on.
public struct Provenance: Sendable, Hashable, Codable {
    /// Whether a public source states it.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// Stated by the cited public source (paraphrased, never copied).
        case sourced
        /// The engine authors' modelling (GAP or UNVERIFIED in the domain brief).
        case modelled
    }

    /// How well the source attests it, when the file says.
    public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
        /// Stated in the publisher's own document.
        case high
        /// Named by the publisher (e.g. a news release) without its full wording.
        case medium
        /// Reported second hand (e.g. press coverage of a statement), or no anchor at all.
        case low
    }

    public var basis: Basis
    /// The source (addresses or a short citation); for a modelled part, what it is modelled from.
    public var source: String?
    public var confidence: Confidence?

    public init(basis: Basis, source: String? = nil, confidence: Confidence? = nil) {
        self.basis = basis
        self.source = source
        self.confidence = confidence
    }

    /// What a file that says nothing means: modelling.
    public static let modelled = Provenance(basis: .modelled)

    public var isSourced: Bool { basis == .sourced }
}
