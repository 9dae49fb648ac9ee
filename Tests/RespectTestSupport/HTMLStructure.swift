public import Foundation

/// A small structural reader for the reports' HTML, for tests: it walks the tags (the reports
/// write no comments, scripts or CDATA), checks that every element is closed in order, and
/// collects the headings and tables so tests can assert on the document's outline.
public struct HTMLStructure {
    public struct Element {
        public var name: String
        public var attributes: String
        /// The text inside the element, tags removed, entities left as written.
        public var text: String
    }

    /// Problems found: unclosed, stray or mis-nested tags.
    public private(set) var problems: [String] = []
    /// Every element in document order, with its text content.
    public private(set) var elements: [Element] = []

    private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"]

    public init(_ html: String) {
        let pattern = try! NSRegularExpression(pattern: "<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!DOCTYPE html>")
        let ns = html as NSString
        var stack: [(name: String, attributes: String, index: Int, contentStart: Int)] = []
        var pending: [Int: Element] = [:]
        var order: [Int] = []
        var counter = 0
        for match in pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            guard match.range(at: 2).location != NSNotFound else { continue }
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            let attributes = ns.substring(with: match.range(at: 3))
            if closing {
                guard let open = stack.popLast() else { problems.append("stray </\(name)>"); continue }
                if open.name != name { problems.append("<\(open.name)> closed by </\(name)>") }
                let inner = ns.substring(with: NSRange(location: open.contentStart, length: match.range.location - open.contentStart))
                let text = inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                pending[open.index] = Element(name: open.name, attributes: open.attributes, text: text)
            } else if Self.voidElements.contains(name) {
                pending[counter] = Element(name: name, attributes: attributes, text: "")
                order.append(counter)
                counter += 1
            } else {
                stack.append((name, attributes, counter, match.range.location + match.range.length))
                order.append(counter)
                counter += 1
            }
        }
        problems += stack.map { "<\($0.name)> never closed" }
        elements = order.compactMap { pending[$0] }
    }

    public func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The heading levels in document order, e.g. [1, 2, 3, 2].
    public var headingLevels: [Int] {
        elements.compactMap { element in
            guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
            return level
        }
    }

    /// The text of every heading of `level`.
    public func headings(_ level: Int) -> [String] { all("h\(level)").map(\.text) }
}

extension HTMLStructure {
    /// What every report page must be, as a list of what is wrong (empty when sound): closed
    /// tags, one h1 first, no skipped heading level, every table with a caption and scoped
    /// headers, no scripts, nothing loaded from elsewhere, and a print stylesheet.
    public static func soundnessProblems(_ html: String) -> [String] {
        let structure = HTMLStructure(html)
        var problems = structure.problems
        if !html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">") { problems.append("no HTML5 doctype and language") }
        if structure.all("h1").count != 1 { problems.append("\(structure.all("h1").count) h1 elements") }
        let levels = structure.headingLevels
        if levels.first != 1 { problems.append("the first heading is not h1") }
        for (previous, next) in zip(levels, levels.dropFirst()) where next > previous + 1 {
            problems.append("heading level jumps from h\(previous) to h\(next)")
        }
        let tables = structure.all("table")
        if structure.all("caption").count != tables.count { problems.append("a table without a caption") }
        if !structure.all("th").allSatisfy({ $0.attributes.contains("scope=\"col\"") || $0.attributes.contains("scope=\"row\"") }) {
            problems.append("a header cell without scope")
        }
        for (needle, problem) in [("<script", "a script"), (" src=", "an external image or frame"), ("href=\"http", "a link out of the file"),
                                  ("url(", "an asset loaded from CSS")] where html.contains(needle) {
            problems.append(problem)
        }
        if !html.contains("default-src 'none'") { problems.append("no Content-Security-Policy") }
        if !html.contains("@media print") { problems.append("no print stylesheet") }
        return problems
    }
}
