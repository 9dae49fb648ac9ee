import Foundation
import Mustache
import RespectCorpus
@testable import RespectServer
import RespectTestSupport
import Testing

/// The pages' template library renders every page template exactly as swift-mustache (which
/// the pages used before) renders it, over many random values; view structs reach it through
/// `Encodable` as swift-mustache read them through `Mirror`; and a template it cannot read is
/// refused with its file, line and what was expected.
@Suite("Page templates")
struct PageTemplateTests {
    /// swift-mustache escaping as the pages do, for the comparison.
    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    static let directory = ServerResources.path("Templates")

    static func referenceLibrary() async throws -> MustacheLibrary {
        MustacheContentTypes.register(Escaping(), named: HTMLEscaping.name)
        return try await MustacheLibrary(directory: directory)
    }

    @Test("every page template renders byte for byte as swift-mustache renders it, over 40 random values each")
    func sameAsSwiftMustache() async throws {
        let ours = try TemplateLibrary(directory: Self.directory)
        let reference = try await Self.referenceLibrary()
        #expect(ours.templates.count >= 30, "the server's templates were read")
        // Seconds of rendering: on a thread of its own, so that other tests' servers and clients
        // are not kept waiting for the two threads their tasks run on.
        let (differences, nonEmpty) = try await offThePool { Self.compare(ours, reference, seed: 20261128) }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(nonEmpty > 600, "the comparisons rendered real pages, not empty ones")
    }

    /// Renders each template over 40 random values with both libraries; returns the first
    /// difference found for each template, and how many renderings were equal and not empty.
    static func compare(_ ours: TemplateLibrary, _ reference: MustacheLibrary, seed: UInt64) -> (differences: [String], nonEmpty: Int) {
        var generator = ValueGenerator(seed: seed)
        var differences: [String] = []
        var nonEmpty = 0
        for name in ours.templates.keys.sorted() {
            let names = NameKinds(template: name, library: ours)
            for _ in 0..<40 {
                let value = generator.object(names, depth: 0)
                let expected = reference.render(plain(value), withTemplate: name)
                let actual = ours.render(name, value)
                if actual != expected {
                    differences.append("\(name).mustache: \(firstDifference(actual ?? "", expected ?? ""))")
                    break
                }
                if actual?.isEmpty == false { nonEmpty += 1 }
            }
        }
        return (differences, nonEmpty)
    }

    @Test("whitespace, standalone lines, partials' indentation, sections and look-ups as the Mustache subset has them")
    func edgeCases() async throws {
        let sources: [String: String] = [
            "page": """
            {{% CONTENT_TYPE: RESPECT_HTML }}
            <ul>
              {{#items}}
              <li>{{name}} {{top}} {{a.b.c}}</li>
              {{/items}}
              {{^items}}none{{/items}}
                {{> part}}
            </ul>  {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}
            {{! a comment }}
              {{#text}}[{{.}}]{{/text}} {{missing.x}} {{#empty}}E{{/empty}}{{^empty}}not{{/empty}}
            {{#obj}}{{name}}{{#inner}}{{name}}{{/inner}}{{/obj}} {{ spaced }}
            x{{#flag}}
            inline
            {{/flag}}y
            """,
            "part": """
            <p>
              {{#items}}
              <i>{{name}}</i>
              {{/items}}
              {{> leaf}}
            </p>

            """,
            "leaf": "leaf {{top}}\nsecond\n",
        ]
        var ourTemplates: [PageTemplate] = []
        var referenceTemplates: [String: MustacheTemplate] = [:]
        MustacheContentTypes.register(Escaping(), named: HTMLEscaping.name)
        for (name, source) in sources {
            ourTemplates.append(try PageTemplate(name: name, source: source))
            referenceTemplates[name] = try MustacheTemplate(string: source)
        }
        let ours = try TemplateLibrary(ourTemplates)
        let reference = MustacheLibrary(templates: referenceTemplates)
        let item: (String) -> TemplateValue = { .object(["name": .text($0), "a": .object(["b": .object(["c": .text("deep")])])]) }
        let values: [TemplateValue] = [
            .object(["items": .list([item("one <&>"), item("two")]), "top": .text("T'\""), "flag": .flag(true), "text": .text(""),
                     "empty": .list([]), "obj": .object(["name": .text("outer"), "inner": .object([:])]), "spaced": .text("s")]),
            .object(["items": .list([]), "flag": .flag(false), "text": .text("x"), "obj": .list([.object(["name": .text("in list")])])]),
            .object([:]),
        ]
        for value in values {
            let expected = reference.render(Self.plain(value), withTemplate: "page")
            #expect(ours.render("page", value) == expected)
        }
        let first = try #require(ours.render("page", values[0]))
        #expect(first.contains("<li>one &lt;&amp;&gt; T&#39;&quot; deep</li>"), "escaped, with look-ups outwards and dotted names")
        #expect(first.contains("    <p>\n      <i>one &lt;&amp;&gt;</i>\n"), "a standalone partial's lines are indented as its tag")
        #expect(first.contains("[] ") && first.contains("not"), "an empty text still opens its section; an empty list does not")
    }

    @Test("a view struct reaches the templates through Encodable as swift-mustache read it through Mirror")
    func viewsThroughEncodable() async throws {
        struct Line: Encodable { var id: String; var note: String?; var count: Int; var number: Int64; var share: Double; var flagged: Bool }
        struct Group: Encodable { var title: String; var lines: [Line]; var empty: [Line]; var lead: Line?; var labels: [String: String] }
        struct Page: Encodable { var heading: String; var groups: [Group]; var missing: String?; var nested: Group; var tags: [String] }
        let source = """
        {{% CONTENT_TYPE: RESPECT_HTML }}
        {{#page}}<h1>{{heading}}</h1>{{#missing}}[{{missing}}]{{/missing}}{{^missing}}none{{/missing}}
        {{#groups}}<h2>{{title}} {{heading}}</h2>{{#lead}}lead {{id}}{{/lead}}{{^lead}}no lead{{/lead}} {{labels.en}}
        {{#lines}}<li>{{id}}:{{note}}:{{count}}:{{number}}:{{share}}{{#flagged}}!{{/flagged}}</li>{{/lines}}
        {{^empty}}(no lines){{/empty}}{{/groups}}{{#nested}}{{title}} {{#lead}}{{id}} {{note}}{{/lead}}{{/nested}}
        {{#tags}}<{{.}}>{{/tags}}{{/page}}{{title}}
        """
        let a = Line(id: "1.1.1", note: "kept <b>", count: 2, number: 9_000_000_000, share: 0.25, flagged: true)
        let b = Line(id: "7.1.1", note: nil, count: 0, number: -1, share: 3, flagged: false)
        let page = Page(heading: "Self-assessment & <verdict>",
                        groups: [Group(title: "Safety", lines: [a, b], empty: [], lead: b, labels: ["en": "safe"]),
                                 Group(title: "Other", lines: [b], empty: [a], lead: nil, labels: [:])],
                        missing: nil, nested: Group(title: "Nested", lines: [], empty: [], lead: a, labels: [:]), tags: ["x", "y&z"])
        MustacheContentTypes.register(Escaping(), named: HTMLEscaping.name)
        let reference = MustacheLibrary(templates: ["page": try MustacheTemplate(string: source)])
        let mirrored = try #require(reference.render(["page": page, "title": "Top"] as [String: Any], withTemplate: "page"))
        let ours = try TemplateLibrary([try PageTemplate(name: "page", source: source)])
        let encoded = try #require(try TemplateValueEncoder.value(of: page))
        let rendered = try #require(ours.render("page", .object(["page": encoded, "title": .text("Top")])))
        #expect(rendered == mirrored)
        #expect(rendered.contains("<li>1.1.1:kept &lt;b&gt;:2:9000000000:0.25!</li><li>7.1.1::0:-1:3.0</li>"))
        #expect(encoded.field("missing") == nil, "a nil property is left out")
        #expect(encoded.field("groups") == .list([try #require(try TemplateValueEncoder.value(of: page.groups[0])),
                                                  try #require(try TemplateValueEncoder.value(of: page.groups[1]))]))
        #expect(try TemplateValueEncoder.value(of: ["a", nil, "b"] as [String?]) == .list([.text("a"), .text("b")]), "nil items are left out")
        #expect(try TemplateValueEncoder.value(of: String?.none) == nil)
        #expect(try TemplateValueEncoder.value(of: ["share": Decimal(string: "12.50")!]) == .object(["share": .text("12.5")]),
                "a Decimal is the text it prints as, not its parts")

        /// A value written through `superEncoder`, as a subclass writes its superclass's part.
        struct WithSuper: Encodable {
            enum Keys: String, CodingKey { case own, base }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode("mine", forKey: .own)
                var base = container.superEncoder(forKey: .base).singleValueContainer()
                try base.encode("from the base")
                var inList = container.nestedUnkeyedContainer(forKey: .own)
                var item = inList.superEncoder().container(keyedBy: Keys.self)
                try item.encode(true, forKey: .own)
            }
        }
        #expect(try TemplateValueEncoder.value(of: WithSuper())
                == .object(["own": .list([.object(["own": .flag(true)])]), "base": .text("from the base")]),
                "a superEncoder's value, scalar or container, is kept where it was asked for; the later of two fields wins")
    }

    @Test("a template that cannot be read is refused with its file, line and what was expected")
    func refusals() throws {
        func error(_ source: String) -> TemplateError? {
            do {
                _ = try PageTemplate(name: "broken", source: source)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("a\n{{#one}}\nb\n")?.description == "broken.mustache, line 4: {{#one}} of line 2 is never closed; expected {{/one}}")
        #expect(error("{{#one}}\n{{/two}}")?.description == "broken.mustache, line 2: {{/two}} closes {{#one}} of line 1; expected {{/one}}")
        #expect(error("x\n\n{{/two}}")?.line == 3)
        #expect(error("{{{raw}}}")?.message.contains("is not supported") == true)
        #expect(error("{{& raw}}")?.message.contains("is not supported") == true)
        #expect(error("{{=<% %>=}}")?.message.contains("is not supported") == true)
        #expect(error("{{% CONTENT_TYPE: TEXT }}")?.message.contains("unknown pragma") == true)
        #expect(error("\n{{name")?.description == "broken.mustache, line 2: expected }} after the name name")
        #expect(error("{{upper(name)}}")?.message.contains("transforms") == true)
        #expect(error("{{a..b}}")?.message.contains("dotted name") == true)
        #expect(error("{{! never closed")?.message.contains("comment") == true)
        #expect(error("{{}}")?.message == "expected a name in the tag")
        #expect(throws: TemplateError(file: "page", line: 2, message: "{{> absent}} names a template that does not exist (absent.mustache)")) {
            try TemplateLibrary([try PageTemplate(name: "page", source: "ok\n{{> absent}}\n")])
        }
    }

    /// Where two renderings first differ: the line, and that line of each.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let ours = index < a.count ? String(a[index]) : "(no line)"
            let theirs = index < b.count ? String(b[index]) : "(no line)"
            return "line \(index + 1): ours «\(ours)», swift-mustache «\(theirs)»"
        }
        return "no difference"
    }

    /// A template value as swift-mustache reads values: strings, Booleans, arrays and dictionaries.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(plain)
        case .object(let fields): fields.mapValues(plain)
        }
    }
}

/// The names a template and its partials read, by how they are read: as a value (`{{name}}`,
/// so text or a flag), as a path to one (`{{name.x}}`), as a section holding `{{.}}` (text or
/// a list of texts), or only as a section (anything).
struct NameKinds {
    var scalars: Set<String> = []
    var paths: Set<String> = []
    var dotted: Set<String> = []
    var sections: Set<String> = []

    init(template: String, library: TemplateLibrary) {
        var seen: Set<String> = []
        visit(template, library: library, seen: &seen)
        sections.subtract(scalars)
        sections.subtract(dotted)
        paths.subtract(scalars)
        dotted.subtract(scalars)
    }

    var all: [String] { (scalars.union(paths).union(dotted).union(sections)).sorted() }

    private mutating func visit(_ name: String, library: TemplateLibrary, seen: inout Set<String>) {
        guard seen.insert(name).inserted, let template = library.templates[name] else { return }
        visit(template.nodes, section: nil, library: library, seen: &seen)
    }

    private mutating func visit(_ nodes: [PageTemplate.Node], section: String?, library: TemplateLibrary, seen: inout Set<String>) {
        for node in nodes {
            switch node {
            case .text: break
            case .variable(let name):
                if name.parts.isEmpty {
                    if let section { dotted.insert(section) }
                } else {
                    paths.formUnion(name.parts.dropLast())
                    scalars.insert(name.parts[name.parts.count - 1])
                }
            case .section(let name, let children), .invertedSection(let name, let children):
                paths.formUnion(name.parts.dropLast())
                if let last = name.parts.last { sections.insert(last) }
                visit(children, section: name.parts.last, library: library, seen: &seen)
            case .partial(let partial, _, _):
                visit(partial, library: library, seen: &seen)
            }
        }
    }
}

/// Random template values (the corpus generator's `SplitMix64` with a fixed seed, so a failure
/// repeats): texts with markup and quotes, empty texts, numbers, flags, lists and objects, nested
/// a few levels.
struct ValueGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func below(_ n: Int) -> Int { random.int(in: 0...(n - 1)) }

    private static let texts = ["", "Brookfield", "<script>alert('x')</script>", "a & b \"quoted\"", "42", "2026-11-28",
                                "line one\nline two", "  spaced  ", "Ünïcode — ✓ 👩🏽‍⚖️", "{{not a tag}}"]

    mutating func scalar() -> TemplateValue {
        switch below(4) {
        case 0: .flag(below(2) == 0)
        case 1: .text(String(below(1000)))
        default: .text(Self.texts[below(Self.texts.count)])
        }
    }

    mutating func object(_ names: NameKinds, depth: Int) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        let chance = depth == 0 ? 7 : 3
        for name in names.all where below(10) < chance {
            if names.scalars.contains(name) {
                fields[name] = scalar()
            } else if names.dotted.contains(name) {
                // Text, not a flag: a yes would show the section's outer object as `.`.
                fields[name] = below(2) == 0 ? .text(Self.texts[below(Self.texts.count)]) : .list((0..<below(3)).map { _ in .text(Self.texts[below(Self.texts.count)]) })
            } else if depth >= 2 {
                fields[name] = .flag(below(2) == 0)
            } else if names.paths.contains(name) && !names.sections.contains(name) {
                fields[name] = object(names, depth: depth + 1)
            } else {
                switch below(5) {
                case 0: fields[name] = .flag(below(2) == 0)
                case 1: fields[name] = .list([])
                case 2: fields[name] = object(names, depth: depth + 1)
                default: fields[name] = .list((0..<(1 + below(2))).map { _ in object(names, depth: depth + 1) })
                }
            }
        }
        return .object(fields)
    }
}
