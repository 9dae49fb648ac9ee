/// The shell of a self-contained HTML5 report: doctype, language, UTF-8, a viewport for phones,
/// a Content-Security-Policy that forbids scripts and every external load, the inline
/// stylesheet, and `header`, `main` and `footer` regions. Nothing in the output refers to
/// anything outside the file, and the same content always gives the same bytes.
///
/// ```swift
/// var page = HTMLPage(title: "Tender comparison: \(lot)")
/// page.header = [.element("h1", text: "Tender comparison: \(lot)")]
/// page.append(HTMLPage.section(id: "summary", heading: "Summary", [table.node]))
/// let html = page.render()
/// ```
public struct HTMLPage: Sendable {
    /// The document title (the browser tab, and the name a printed page carries). Escaped.
    public var title: String
    /// The `lang` of the document, e.g. `en-GB`.
    public var lang: String
    /// The CSS in the `<style>` element. Any `<` is removed so it cannot end the element.
    public var stylesheet: String
    /// Content of `<header>`: usually the one `h1` and the notices that must come first.
    public var header: [HTMLNode] = []
    /// Content of `<main>`, in order.
    public var main: [HTMLNode] = []
    /// Content of `<footer>`.
    public var footer: [HTMLNode] = []

    public init(title: String, lang: String = "en-GB", stylesheet: String = HTMLStyle.stylesheet) {
        self.title = title
        self.lang = lang
        self.stylesheet = stylesheet
    }

    /// Adds a node at the end of `<main>`.
    public mutating func append(_ node: HTMLNode) {
        main.append(node)
    }

    /// The whole document, starting with `<!DOCTYPE html>` and ending with a newline.
    public func render() -> String {
        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"" + HTMLEscape.attribute(lang) + "\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        out += "<meta name=\"color-scheme\" content=\"light\">\n"
        out += "<title>" + HTMLEscape.text(title) + "</title>\n"
        out += "<style>\n" + stylesheet.replacingOccurrences(of: "<", with: "") + "\n</style>\n"
        out += "</head>\n<body>\n"
        for (name, nodes) in [("header", header), ("main", main), ("footer", footer)] where !nodes.isEmpty {
            HTMLNode.element(name, nodes).render(into: &out)
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// A `<section>` with an `id`, its heading (`h2` by default) and the content after it; the
    /// section is labelled by its heading for assistive technology. `id` must be fixed by code
    /// (it is also used in the heading's id, `<id>-heading`).
    public static func section(id: String, heading: String, level: Int = 2, class className: String? = nil,
                               _ content: [HTMLNode]) -> HTMLNode {
        precondition((2...6).contains(level), "section headings are h2 to h6; the page has one h1")
        let headingID = id + "-heading"
        return .element("section", class: className,
                        attributes: [HTMLAttribute("id", id), HTMLAttribute("aria-labelledby", headingID)],
                        [.element("h\(level)", attributes: [HTMLAttribute("id", headingID)], text: heading)] + content)
    }
}
