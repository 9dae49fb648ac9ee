import Mustache
@testable import RespectServer
import RespectModel
import Testing

/// View values prepared for the templates render exactly as the structs they came from.
@Suite("Template values")
struct TemplateValuesTests {
    struct Line { var id: String; var note: String?; var count: Int; var flagged: Bool }
    struct Group { var title: String; var lines: [Line]; var empty: [Line]; var lead: Line? }
    struct Page {
        var heading: String
        var date: CalendarDate
        var groups: [Group]
        var missing: String?
        var nested: Group
        var labels: [String]
    }

    static let template = """
    {{#page}}<h1>{{heading}}</h1><p>{{date}}</p>{{#missing}}[{{missing}}]{{/missing}}{{^missing}}none{{/missing}}
    {{#groups}}<h2>{{title}} {{heading}}</h2>{{#lead}}lead {{id}}{{/lead}}{{^lead}}no lead{{/lead}}
    {{#lines}}<li>{{id}}:{{note}}:{{count}}{{#flagged}}!{{/flagged}}</li>{{/lines}}
    {{^empty}}(no lines){{/empty}}{{/groups}}{{#nested}}{{title}} {{#lead}}{{id}} {{note}}{{/lead}}{{/nested}}
    {{#labels}}<{{.}}>{{/labels}}<b>{{& heading}}</b>{{/page}}{{title}}
    """

    @Test("a page's structs, optionals, arrays and printable values render the same prepared as read through Mirror")
    func sameRendering() throws {
        let date = try #require(CalendarDate("2026-11-27"))
        let a = Line(id: "1.1.1", note: "kept <b>", count: 2, flagged: true)
        let b = Line(id: "7.1.1", note: nil, count: 0, flagged: false)
        let page = Page(heading: "Self-assessment & <verdict>", date: date,
                        groups: [Group(title: "Safety", lines: [a, b], empty: [], lead: b),
                                 Group(title: "Other", lines: [b], empty: [a], lead: nil)],
                        missing: nil, nested: Group(title: "Nested", lines: [], empty: [], lead: a), labels: ["x", "y&z"])
        let values: [String: Any] = ["page": page, "title": "Top"]
        let library = MustacheLibrary(templates: ["page": try MustacheTemplate(string: Self.template)])
        let mirrored = try #require(library.render(values, withTemplate: "page"))
        let prepared = try #require(library.render(TemplateValues.prepared(values), withTemplate: "page"))
        #expect(prepared == mirrored)
        #expect(prepared.contains("<h1>Self-assessment &amp; &lt;verdict&gt;</h1><p>2026-11-27</p>none"))
        #expect(prepared.contains("lead 7.1.1") && prepared.contains("no lead") && prepared.contains("(no lines)"))
        #expect(prepared.contains("<li>1.1.1:kept &lt;b&gt;:2!</li><li>7.1.1::0</li>"))
        #expect(prepared.contains("<x><y&amp;z>") && prepared.hasSuffix("Top"))
        #expect(TemplateValues.prepared(page) is [String: Any], "a view struct becomes a dictionary")
        #expect(TemplateValues.prepared(date) is CalendarDate, "a value that prints itself stays as it is")
    }
}
