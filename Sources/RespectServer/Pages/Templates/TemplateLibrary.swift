import Foundation

/// The page templates of a folder (`NAME.mustache`), parsed once, and their rendering.
///
/// Rendering walks the parsed nodes over `TemplateValue`s, writing bytes: no reflection and no
/// dynamic casts. It replaced swift-mustache, which reads every value through `Any` (casts to
/// its protocols at each tag, `Mirror` for structs): under `scripts/load.sh` that was three
/// fifths of the CPU time of a dashboard view. The templates and their meaning are unchanged;
/// `PageTemplateTests` renders each of them with swift-mustache and with this library over
/// random values and compares the bytes.
struct TemplateLibrary: Sendable {
    let templates: [String: PageTemplate]

    /// The templates `templates`; every partial they name must be among them.
    init(_ templates: [PageTemplate]) throws(TemplateError) {
        var byName: [String: PageTemplate] = [:]
        for template in templates { byName[template.name] = template }
        for template in templates {
            for partial in template.partials where byName[partial.name] == nil {
                throw TemplateError(file: template.name, line: partial.line,
                                    message: "{{> \(partial.name)}} names a template that does not exist (\(partial.name).mustache)")
            }
        }
        self.templates = byName
    }

    /// Every `*.mustache` file of `directory`.
    init(directory: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        var templates: [PageTemplate] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let source = try String(contentsOfFile: path, encoding: .utf8)
            templates.append(try PageTemplate(name: String(file.dropLast(".mustache".count)), source: source))
        }
        try self.init(templates)
    }

    /// The template `name` rendered with `value` as its outermost context; `nil` when there is
    /// no such template.
    func render(_ name: String, _ value: TemplateValue) -> String? {
        bytes(name, value).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same as UTF-8 bytes: text and values are copied in whole UTF-8 sequences, so the
    /// bytes are valid UTF-8 without being read again.
    func bytes(_ name: String, _ value: TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self, stack: [value])
        renderer.output.reserveCapacity(32 * 1024)
        renderer.render(template.nodes, indentation: nil)
        return renderer.output
    }

    /// One rendering: the page's bytes so far and the values of the sections it is inside.
    private struct Renderer {
        let library: TemplateLibrary
        var stack: [TemplateValue]
        var output: [UInt8] = []

        /// Renders `nodes`. With `indentation` (inside a partial whose tag stood alone), each
        /// node's output that begins a line of this rendering is indented.
        mutating func render(_ nodes: [PageTemplate.Node], indentation: [UInt8]?) {
            guard let indentation, !indentation.isEmpty else {
                for node in nodes { render(node, indentation: indentation) }
                return
            }
            let start = output.count
            for node in nodes {
                let indents = output.count > start && output.last == UInt8(ascii: "\n")
                if indents { output.append(contentsOf: indentation) }
                let mark = output.count
                render(node, indentation: indentation)
                if indents, output.count == mark { output.removeLast(indentation.count) }
            }
        }

        private mutating func render(_ node: PageTemplate.Node, indentation: [UInt8]?) {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name):
                switch lookUp(name) {
                case .text(let text)?: HTMLEscaping.append(text, to: &output)
                case .flag(let flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .list?, .object?, nil: break
                }
            case .section(let name, let children):
                switch lookUp(name) {
                case .list(let items)?:
                    for item in items { inside(item, children, indentation: indentation) }
                case .flag(let flag)?:
                    if flag { render(children, indentation: indentation) }
                case let value?:
                    inside(value, children, indentation: indentation)
                case nil:
                    break
                }
            case .invertedSection(let name, let children):
                switch lookUp(name) {
                case .list(let items)?: if items.isEmpty { render(children, indentation: indentation) }
                case .flag(let flag)?: if !flag { render(children, indentation: indentation) }
                case nil: render(children, indentation: indentation)
                case .text?, .object?: break
                }
            case .partial(let name, let own, _):
                guard let template = library.templates[name] else { return }
                let combined = own.map { (indentation ?? []) + $0 } ?? indentation
                render(template.nodes, indentation: combined)
            }
        }

        private mutating func inside(_ value: TemplateValue, _ children: [PageTemplate.Node], indentation: [UInt8]?) {
            stack.append(value)
            render(children, indentation: indentation)
            stack.removeLast()
        }

        /// A name's value: its first part in the innermost section that has it, the rest read
        /// from there.
        private func lookUp(_ name: TemplateName) -> TemplateValue? {
            guard let first = name.parts.first else { return stack.last }
            for value in stack.reversed() {
                guard var found = value.field(first) else { continue }
                for part in name.parts.dropFirst() {
                    guard let next = found.field(part) else { return nil }
                    found = next
                }
                return found
            }
            return nil
        }
    }
}
