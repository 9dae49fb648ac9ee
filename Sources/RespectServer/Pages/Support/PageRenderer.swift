import Hummingbird
import Mustache
import NIOCore

/// Renders the pages from the swift-mustache templates in `Resources/Templates` (every value
/// escaped for HTML by `HTMLEscaping` unless a template says otherwise). Templates are parsed once at start-up.
///
/// A page's template sees `frame` (the `PageFrame`), `page` (its own view values), `t` (the
/// catalogue's strings) and `lang`; templates open `{{#page}}…{{/page}}` to read their values.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return PageRenderer(library: try await MustacheLibrary(directory: ServerResources.path("Templates")))
    }

    /// The page `template` with `values`, and the catalogue's strings as `t`.
    func render(_ template: String, _ values: [String: Any], catalogue: Catalogue) -> String {
        var context = TemplateValues.prepared(values)
        context["t"] = catalogue.strings
        context["lang"] = catalogue.language
        return library.render(context, withTemplate: template) ?? ""
    }

    /// A page: its frame and its own values.
    func render(_ template: String, frame: PageFrame, page: Any, catalogue: Catalogue) -> String {
        render(template, ["frame": frame, "title": frame.title, "csrf": frame.csrf, "page": page], catalogue: catalogue)
    }
}

/// HTML answers.
enum PageResponse {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(to location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }

    /// A download: `bytes` as `mediaType`, saved under `fileName` (a name the service made, never one a user typed).
    static func download(_ bytes: [UInt8], mediaType: String, fileName: String) -> Response {
        Response(status: .ok, headers: [.contentType: mediaType, .contentDisposition: "attachment; filename=\"\(fileName)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension WebService {
    /// Renders a page with its frame.
    func page(_ template: String, _ frame: PageFrame, _ page: Any, status: HTTPResponse.Status = .ok) -> Response {
        PageResponse.html(pages.render(template, frame: frame, page: page, catalogue: catalogue), status: status)
    }
}
