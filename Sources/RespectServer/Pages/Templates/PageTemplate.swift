/// One parsed page template: the Mustache subset the pages use, read once at start-up.
///
/// A template is text with tags: `{{name}}` (a value, escaped for HTML), `{{#name}}…{{/name}}`
/// (a section: shown once for a yes, once per item of a list, once inside an object or text;
/// not at all for a no, an empty list or nothing), `{{^name}}…{{/name}}` (shown only when the
/// section would not be), `{{> partial}}` (another template), `{{! comment}}`, and the pragma
/// `{{% CONTENT_TYPE: RESPECT_HTML }}` that every template opens with. A name is looked up in
/// the innermost section first and then outwards; `a.b` reads `b` of `a`, and `.` is the
/// section's own value. Unescaped output (`{{{…}}}`, `{{&…}}`), set delimiters, inheritance and
/// transforms are refused with the file and line.
///
/// Lines that hold only a section, closing, partial, comment or pragma tag (and spaces) leave
/// no line in the page, and such a partial's lines are indented as its tag is: the Mustache
/// specification's "standalone" rule, as swift-mustache applies it (`PageTemplateTests`
/// renders every template both ways and compares the bytes).
struct PageTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(TemplateName)
        case section(TemplateName, [Node])
        case invertedSection(TemplateName, [Node])
        /// A partial; `indentation` when its tag stood alone on its line.
        case partial(String, indentation: [UInt8]?, line: Int)
    }

    let name: String
    let nodes: [Node]

    /// Parses `source`, the template `name` (its file name without `.mustache`).
    init(name: String, source: String) throws(TemplateError) {
        var parser = TemplateParser(name: name, bytes: Array(source.utf8))
        self.name = name
        self.nodes = try parser.parseAll()
    }

    /// Every partial this template names, with the line of its tag.
    var partials: [(name: String, line: Int)] {
        var found: [(String, Int)] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line): found.append((name, line))
                case .section(_, let children), .invertedSection(_, let children): visit(children)
                case .text, .variable: break
                }
            }
        }
        visit(nodes)
        return found
    }
}

/// A value's name in a tag, split at its dots once, when the template is read.
struct TemplateName: Sendable, Equatable {
    /// The parts of a dotted name; empty for `.`, the section's own value.
    let parts: [String]
    /// The name as written, to match a section's closing tag.
    let written: String
}

/// What is wrong with a template: its file, the line and what was expected.
struct TemplateError: Error, Equatable, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String

    var description: String { "\(file).mustache, line \(line): \(message)" }
}

/// Reads a template's bytes into nodes.
struct TemplateParser {
    let name: String
    let bytes: [UInt8]
    private var position = 0

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    private static let brace = UInt8(ascii: "{"), closingBrace = UInt8(ascii: "}")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    mutating func parseAll() throws(TemplateError) -> [PageTemplate.Node] {
        try parse(section: nil, atLineStart: true)
    }

    /// The nodes up to the end, or up to the closing tag of `section`, which is consumed.
    private mutating func parse(section: (name: TemplateName, line: Int)?, atLineStart: Bool) throws(TemplateError) -> [PageTemplate.Node] {
        var nodes: [PageTemplate.Node] = []
        var lineStart = atLineStart
        // The spaces that began the current line, until some text or tag takes them.
        var indentation: [UInt8] = []
        func flushIndentation() {
            if !indentation.isEmpty {
                nodes.append(.text(indentation))
                indentation = []
            }
        }
        while position < bytes.count {
            if lineStart { indentation = readBlanks() }
            let text = readText()
            if position < bytes.count, bytes[position] == Self.newline {
                nodes.append(.text(indentation + text + [Self.newline]))
                position += 1
                lineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(indentation + text))
                indentation = []
                lineStart = false
            }
            guard position < bytes.count else { break }
            // At a tag: readText stopped after its "{{".
            let tagLine = line(at: position)
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName()
                standalone = lineStart && finishesLine()
                if !standalone { flushIndentation() }
                let children = try parse(section: (name, tagLine), atLineStart: standalone)
                nodes.append(inverted ? .invertedSection(name, children) : .section(name, children))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName()
                guard let open = section else {
                    throw fail("{{/\(name.written)}} closes a section that was never opened", line: tagLine)
                }
                guard name.written == open.name.written else {
                    throw fail("{{/\(name.written)}} closes {{#\(open.name.written)}} of line \(open.line); expected {{/\(open.name.written)}}", line: tagLine)
                }
                if !(lineStart && finishesLine()) { flushIndentation() }
                return nodes
            case UInt8(ascii: "!"):
                try skipComment()
                standalone = lineStart && finishesLine()
            case UInt8(ascii: ">"):
                position += 1
                let partial = try readPartialName()
                let blanks = indentation
                flushIndentation()
                standalone = lineStart && finishesLine()
                nodes.append(.partial(partial, indentation: standalone ? blanks : nil, line: tagLine))
            case UInt8(ascii: "%"):
                position += 1
                try readPragma()
                standalone = lineStart && finishesLine()
            case UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw fail("{{\(Character(Unicode.Scalar(bytes[position])))…}} is not supported here; the pages use {{name}}, {{#name}}, {{^name}}, {{/name}}, {{> partial}}, {{! comment}} and {{% CONTENT_TYPE: RESPECT_HTML }}", line: tagLine)
            default:
                flushIndentation()
                nodes.append(.variable(try readName()))
            }
            lineStart = standalone
        }
        if let open = section {
            throw fail("{{#\(open.name.written)}} of line \(open.line) is never closed; expected {{/\(open.name.written)}}", line: line(at: bytes.count))
        }
        return nodes
    }

    // MARK: - Pieces

    private mutating func readBlanks() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return Array(bytes[start..<position])
    }

    /// The text up to a newline (not consumed) or up to and including the next "{{".
    private mutating func readText() -> [UInt8] {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.newline { return Array(bytes[start..<position]) }
            if byte == Self.brace, position + 1 < bytes.count, bytes[position + 1] == Self.brace {
                let text = Array(bytes[start..<position])
                position += 2
                return text
            }
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// Whether only blanks follow on this line; if so, they and the newline are consumed.
    private mutating func finishesLine() -> Bool {
        if position >= bytes.count { return true }
        var next = position
        while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
        if next < bytes.count, bytes[next] == Self.carriageReturn, next + 1 < bytes.count, bytes[next + 1] == Self.newline {
            position = next + 2
            return true
        }
        if next < bytes.count, bytes[next] == Self.newline {
            position = next + 1
            return true
        }
        return false
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [Self.space, Self.tab, Self.newline, Self.carriageReturn].contains(bytes[position]) {
            position += 1
        }
    }

    private mutating func expectClose(after what: String) throws(TemplateError) {
        skipWhitespace()
        guard position + 1 < bytes.count, bytes[position] == Self.closingBrace, bytes[position + 1] == Self.closingBrace else {
            throw fail("expected }} after \(what)", line: line(at: position))
        }
        position += 2
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        case UInt8(ascii: "/"):
            partial
        default:
            false
        }
    }

    private mutating func readWord(partial: Bool) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], partial: partial) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func readName() throws(TemplateError) -> TemplateName {
        let tagLine = line(at: position)
        let written = readWord(partial: false)
        guard !written.isEmpty else { throw fail("expected a name in the tag", line: tagLine) }
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            throw fail("transforms such as \(written)(…) are not supported", line: tagLine)
        }
        try expectClose(after: "the name \(written)")
        let parts = written == "." ? [] : written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) || written == "." else {
            throw fail("\(written) is not a name: a dotted name has a name on each side of each dot", line: tagLine)
        }
        return TemplateName(parts: parts, written: written)
    }

    private mutating func readPartialName() throws(TemplateError) -> String {
        let tagLine = line(at: position)
        let name = readWord(partial: true)
        guard !name.isEmpty else { throw fail("expected the name of a partial after {{>", line: tagLine) }
        try expectClose(after: "the partial's name \(name)")
        return name
    }

    private mutating func skipComment() throws(TemplateError) {
        let tagLine = line(at: position)
        while position + 1 < bytes.count {
            if bytes[position] == Self.closingBrace, bytes[position + 1] == Self.closingBrace {
                position += 2
                return
            }
            position += 1
        }
        throw fail("the comment is never closed; expected }}", line: tagLine)
    }

    /// `{{% CONTENT_TYPE: RESPECT_HTML }}`: the only pragma, and the only escaping the pages have.
    private mutating func readPragma() throws(TemplateError) {
        let tagLine = line(at: position)
        let variable = readWord(partial: false)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw fail("expected {{% CONTENT_TYPE: RESPECT_HTML }}", line: tagLine)
        }
        position += 1
        let value = readWord(partial: false)
        guard variable == "CONTENT_TYPE", value == HTMLEscaping.name else {
            throw fail("unknown pragma {{% \(variable): \(value) }}; the pages know only {{% CONTENT_TYPE: RESPECT_HTML }}", line: tagLine)
        }
        try expectClose(after: "the pragma")
    }

    private func line(at offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == Self.newline ? 1 : 0) }
    }

    private func fail(_ message: String, line: Int) -> TemplateError {
        TemplateError(file: name, line: line, message: message)
    }
}
