/// One attribute of an ``HTMLNode`` element. The name is fixed by the code that builds the
/// page; the value may come from an input and is always escaped when rendered.
public struct HTMLAttribute: Sendable, Hashable {
    public let name: String
    public let value: String

    /// - Precondition: `name` is lowercase ASCII letters, digits and hyphens, starting with a
    ///   letter (names are never taken from inputs), and is not an event handler (`on…`).
    public init(_ name: String, _ value: String) {
        precondition(HTMLNode.isSafeName(name, allowHyphen: true) && !name.hasPrefix("on"),
                     "unsafe HTML attribute name '\(name)'")
        self.name = name
        self.value = value
    }
}

/// A small, safe HTML tree: elements, text and fragments. Text and attribute values are escaped
/// when rendered, so untrusted input can never become markup. Element and attribute names must
/// be fixed by code; `script` and `style` elements cannot be built (the page shell adds its own
/// stylesheet), so a report built from nodes has no scripts.
///
/// ```swift
/// let item: HTMLNode = .element("li", class: "entry", [
///     .element("strong", text: indicator.number), " ", .text(indicator.text),
/// ])
/// let markup = item.render()
/// ```
///
/// String literals and interpolations are text nodes: `"Provide: \(x)"` is escaped like
/// `.text("Provide: \(x)")`.
public struct HTMLNode: Sendable, ExpressibleByStringInterpolation {
    indirect enum Content: Sendable {
        case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
        case text(String)
        case fragment([HTMLNode])
    }

    let content: Content

    private init(_ content: Content) {
        self.content = content
    }

    /// A text node: `value` is escaped.
    public init(stringLiteral value: String) {
        content = .text(value)
    }

    /// Text, escaped when rendered.
    public static func text(_ value: String) -> HTMLNode {
        HTMLNode(.text(value))
    }

    /// Several nodes rendered one after another, with no element around them.
    public static func fragment(_ nodes: [HTMLNode]) -> HTMLNode {
        HTMLNode(.fragment(nodes))
    }

    /// Nothing at all.
    public static let empty = HTMLNode(.fragment([]))

    /// An element with children. `className`, if given, becomes the `class` attribute, first.
    ///
    /// - Precondition: `name` is a lowercase ASCII tag name other than `script` or `style`.
    public static func element(_ name: String, class className: String? = nil,
                               attributes: [HTMLAttribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        precondition(isSafeName(name, allowHyphen: false) && !forbiddenElements.contains(name),
                     "unsafe HTML element name '\(name)'")
        let all = (className.map { [HTMLAttribute("class", $0)] } ?? []) + attributes
        return HTMLNode(.element(name: name, attributes: all, children: children))
    }

    /// An element whose only content is `text` (escaped).
    public static func element(_ name: String, class className: String? = nil,
                               attributes: [HTMLAttribute] = [], text: String) -> HTMLNode {
        element(name, class: className, attributes: attributes, [.text(text)])
    }

    /// The markup for this node and its descendants.
    public func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Appends the markup to `out`. Block-level elements end with a newline so the file reads
    /// well in a text editor and diffs line by line; the page looks the same either way.
    public func render(into out: inout String) {
        switch content {
        case .text(let value):
            out += HTMLEscape.text(value)
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for attribute in attributes {
                out += " " + attribute.name + "=\"" + HTMLEscape.attribute(attribute.value) + "\""
            }
            out += ">"
            if Self.voidElements.contains(name) {
                if Self.blockElements.contains(name) { out += "\n" }
                return
            }
            if Self.containerElements.contains(name) { out += "\n" }
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
            if Self.blockElements.contains(name) { out += "\n" }
        }
    }

    static func isSafeName(_ name: String, allowHyphen: Bool) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || (allowHyphen && $0 == "-") }
    }

    private static let forbiddenElements: Set<String> = ["script", "style", "iframe", "object", "embed", "base", "link"]
    private static let voidElements: Set<String> = ["br", "hr", "meta", "wbr", "col", "img", "input"]
    /// Elements that hold other blocks: a newline after the opening tag.
    private static let containerElements: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "section", "article", "nav", "aside",
        "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl",
    ]
    /// Elements followed by a newline.
    private static let blockElements: Set<String> = containerElements.union([
        "meta", "title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "dt", "dd",
        "caption", "th", "td", "hr",
    ])
}
