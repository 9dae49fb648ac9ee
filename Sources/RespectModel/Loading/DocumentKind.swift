public import RespectXML

/// The kinds of XML document the engine reads, each with its own versioned namespace and XSD.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case framework
    case submission
    /// A commissioner's tender requirement: what every bid must show.
    case tender
    /// A mapping from one framework edition's indicators to another framework's standards.
    case crosswalk
    /// An assessor's findings on one provider's submission.
    case findings

    /// The namespace that identifies the format and its version.
    public var namespace: String {
        switch self {
        case .framework: "urn:respect-engine:framework:v1"
        case .submission: "urn:respect-engine:submission:v1"
        case .tender: "urn:respect-engine:tender:v1"
        case .crosswalk: "urn:respect-engine:crosswalk:v1"
        case .findings: "urn:respect-engine:findings:v1"
        }
    }

    /// The root element's local name.
    public var rootElement: String { rawValue }

    /// The XSD's file name inside the schema directory.
    public var schemaFileName: String { "\(rawValue)-v1.xsd" }

    /// The kind a root element announces, or `nil` for anything else.
    public init?(root: XMLRootName) {
        guard let kind = DocumentKind.allCases.first(where: {
            $0.namespace == root.namespace && $0.rootElement == root.localName
        }) else { return nil }
        self = kind
    }
}
