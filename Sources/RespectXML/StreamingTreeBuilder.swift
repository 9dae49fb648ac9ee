import CLibXML2

/// Builds the `XMLElement` tree while libxml2 parses, element by element as each one ends, and
/// frees the libxml2 nodes it has copied: the whole libxml2 tree of a document never exists at
/// once. A 32 MiB submission's libxml2 tree takes about 85 MB; with this builder the parse holds
/// the converted elements and a small stub (the element node, its children freed) for each
/// element whose parent is still open.
///
/// Element and attribute names come from the parser's dictionary, which outlives the freed
/// nodes, so `TreeConverter`'s cache of names by address stays right.
final class StreamingTreeBuilder {
    private var converter: TreeConverter
    /// The converted children of each element still open, innermost last.
    private var open: [[XMLElement]] = []
    /// The root, once it has ended.
    private(set) var root: XMLElement?

    init(sourceName: String) {
        converter = TreeConverter(sourceName: sourceName)
    }

    /// Something the tree held that must not be there (an entity reference).
    var problem: XMLInputError? { converter.problem }

    /// An element started (libxml2 has made its node).
    func started() {
        open.append([])
    }

    /// `node` ended (libxml2 has finished it and moved to its parent): converts it with the
    /// children converted before it, and frees its children and attributes, leaving the bare
    /// node in its parent until the parent ends in turn.
    func ended(_ node: xmlNodePtr) {
        guard let children = open.popLast() else { return }
        let element = converter.closing(node, children: children)
        if let children = node.pointee.children {
            node.pointee.children = nil
            node.pointee.last = nil
            xmlFreeNodeList(children)
        }
        if let attributes = node.pointee.properties {
            node.pointee.properties = nil
            xmlFreePropList(attributes)
        }
        if open.isEmpty {
            root = element
        } else {
            open[open.count - 1].append(element)
        }
    }
}
