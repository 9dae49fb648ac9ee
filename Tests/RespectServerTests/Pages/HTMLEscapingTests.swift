import Foundation
@testable import RespectServer
import Testing

/// The pages' escaping of every `{{value}}`.
@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("the five markup characters become references, everything else is kept byte for byte")
    func escapes() {
        #expect(HTMLEscaping.escape(#"<script>alert("x" + 'y') & more</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;) &amp; more&lt;/script&gt;")
        #expect(HTMLEscaping.escape("Brookfield — safer relationships, 2026/27 ✓ 👩🏽‍⚖️") == "Brookfield — safer relationships, 2026/27 ✓ 👩🏽‍⚖️")
        #expect(HTMLEscaping.escape("") == "")
        // A markup character carrying a combining mark is one Character, but still escaped.
        #expect(HTMLEscaping.escape("<\u{301}img src=x>") == "&lt;\u{301}img src=x&gt;")
    }

    @Test("every page template names the pages' escaping on its first line")
    func everyTemplateUsesIt() throws {
        let folder = ServerResources.path("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 30)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: RESPECT_HTML }}\n"), "\(name)")
        }
    }
}

/// Filling a catalogue string's placeholders.
@Suite("Catalogue placeholders")
struct CataloguePlaceholderTests {
    @Test("each {name} is replaced once; values are not searched again; unknown names and stray braces stay")
    func fill() {
        #expect(Catalogue.fill("{count} of {total} met", ["count": "3", "total": "12"]) == "3 of 12 met")
        #expect(Catalogue.fill("Saved “{title}”", ["title": "{count} {title}", "count": "9"]) == "Saved “{count} {title}”")
        #expect(Catalogue.fill("{unknown} {a}{b} {", ["a": "1", "b": "2"]) == "{unknown} 12 {")
        #expect(Catalogue.fill("{{a}}", ["a": "x"]) == "{x}")
        #expect(Catalogue.fill("no placeholders", ["a": "x"]) == "no placeholders")
        #expect(Catalogue.fill("Évaluée {a} “{b}” – {é}{", ["a": "ä", "b": "ü"]) == "Évaluée ä “ü” – {é}{",
                "text around the braces that is not ASCII is kept whole")
    }
}
