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
    /// The converted children of each element still open, innermost last: one list per
    /// level, kept with its capacity from one element to the next, so an element's children
    /// are collected without the buffer growing one append at a time.
    private var levels: [[XMLElement]] = []
    /// How many elements are open.
    private var depth = 0
    /// Above this many children, an element takes its level's list as it is (no copy) and the
    /// level starts a new one; at or below, it takes an exact copy, which holds no spare room.
    static let largeChildCount = 64
    /// The root, once it has ended.
    private(set) var root: XMLElement?

    /// Elements handed over as they end instead of being kept (see `ElementHandOff`).
    private let handOff: ElementHandOff?

    init(sourceName: String, handOff: ElementHandOff? = nil) {
        converter = TreeConverter(sourceName: sourceName)
        self.handOff = handOff
    }

    /// Something the tree held that must not be there (an entity reference).
    var problem: XMLInputError? { converter.problem }

    /// An element started (libxml2 has made its node).
    func started() {
        depth += 1
        if levels.count < depth { levels.append([]) }
    }

    /// `node` ended (libxml2 has finished it and moved to its parent): converts it with the
    /// children converted before it, and frees its children and attributes, leaving the bare
    /// node in its parent until the parent ends in turn.
    func ended(_ node: xmlNodePtr) {
        guard depth > 0 else { return }
        depth -= 1
        let children: [XMLElement]
        if levels[depth].count > Self.largeChildCount {
            children = levels[depth]
            levels[depth] = []
        } else {
            children = Array(levels[depth][...])
            levels[depth].removeAll(keepingCapacity: true)
        }
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
        if let handOff, depth > 0, handOff.matches(element, node: node) {
            handOff.take(element)
        } else if depth == 0 {
            root = element
        } else {
            levels[depth - 1].append(element)
        }
    }
}
