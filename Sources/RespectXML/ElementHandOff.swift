import CLibXML2

/// Elements a reader hands over as they end, instead of keeping them in the tree: each
/// element named `localName` in `namespace` whose parent is named `parentLocalName`. The
/// receiver turns it into what it needs at once (e.g. a submission's evidence items into the
/// model), so the tree of the largest document never holds thousands of such elements, and
/// their transient pieces are freed, and reused, one element at a time.
///
/// `take` is called in document order, while the document is still being parsed and before it
/// is known to be valid: it must only collect (an invalid document's result is dropped).
public struct ElementHandOff {
    public let namespace: String?
    public let localName: String
    public let parentLocalName: String
    public let take: (XMLElement) -> Void

    public init(namespace: String?, localName: String, parentLocalName: String, take: @escaping (XMLElement) -> Void) {
        self.namespace = namespace
        self.localName = localName
        self.parentLocalName = parentLocalName
        self.take = take
    }

    /// Whether `element`, ending in libxml2's `node`, is one to hand over.
    func matches(_ element: XMLElement, node: UnsafeMutablePointer<xmlNode>) -> Bool {
        element.name == localName && element.namespace == namespace
            && LibXML.equal(node.pointee.parent?.pointee.name, parentLocalName)
    }
}
