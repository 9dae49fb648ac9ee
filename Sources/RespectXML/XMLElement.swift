/// The root element's qualified name, used to choose a schema before validating.
public struct XMLRootName: Sendable, Hashable {
    /// The local name, without prefix.
    public var localName: String
    /// The namespace URI, or nil when the element has none.
    public var namespace: String?

    /// Creates a root name.
    public init(localName: String, namespace: String?) {
        self.localName = localName
        self.namespace = namespace
    }
}

/// One attribute of an element: local name and value.
public struct XMLAttribute: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// The attribute value, as normalised by the XML parser.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An immutable Swift copy of one element.
public struct XMLElement: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil when the element has none.
    public var namespace: String?
    /// Attributes in document order, by local name.
    public var attributes: [XMLAttribute]
    /// Element children only, in document order.
    public var children: [XMLElement]
    /// Direct text and CDATA children concatenated, not trimmed.
    public var text: String
    /// The line of the start tag.
    public var location: SourceLocation

    /// Creates an element.
    public init(
        name: String, namespace: String?, attributes: [XMLAttribute] = [],
        children: [XMLElement] = [], text: String = "", location: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.location = location
    }

    /// The value of the first attribute with this local name, if any.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element with this local name, if any.
    public func firstChild(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// All child elements with this local name, in order.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }
}
