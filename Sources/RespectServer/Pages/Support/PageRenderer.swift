import Hummingbird
import NIOCore

/// Renders the pages from the templates in `Resources/Templates` (`TemplateLibrary`; every value
/// escaped for HTML by `HTMLEscaping`). Templates are parsed once at start-up, and a template
/// that cannot be read stops the start with its file and line.
///
/// A page's template sees `frame` (the `PageFrame`), `page` (its own view values), `t` (the
/// catalogue's strings) and `lang`; templates open `{{#page}}…{{/page}}` to read their values.
/// Views reach the templates through their `Encodable` conformances (`TemplateValueEncoder`).
struct PageRenderer: Sendable {
    let library: TemplateLibrary

    static func load() throws -> PageRenderer {
        PageRenderer(library: try TemplateLibrary(directory: ServerResources.path("Templates")))
    }

    /// The page `template` with `values`, and the catalogue's strings as `t`.
    func render(_ template: String, _ values: [String: any Encodable], catalogue: Catalogue) -> String {
        String(decoding: bytes(template, values, catalogue: catalogue), as: UTF8.self)
    }

    /// The same page as UTF-8 bytes, for a response body with no `String` in between.
    func bytes(_ template: String, _ values: [String: any Encodable], catalogue: Catalogue) -> [UInt8] {
        bytes(template, encoded: Self.encoded(values), catalogue: catalogue)
    }

    /// A page, its frame and its own values, as UTF-8 bytes.
    func bytes(_ template: String, frame: PageFrame, page: some Encodable, catalogue: Catalogue) -> [UInt8] {
        bytes(template, ["frame": frame, "title": frame.title, "csrf": frame.csrf, "page": page], catalogue: catalogue)
    }

    /// A page, its frame and its own values already encoded (a view partly kept, as the dashboard's is).
    func bytes(_ template: String, frame: PageFrame, encodedPage: TemplateValue, catalogue: Catalogue) -> [UInt8] {
        var context = Self.encoded(["frame": frame, "title": frame.title, "csrf": frame.csrf])
        context["page"] = encodedPage
        return bytes(template, encoded: context, catalogue: catalogue)
    }

    private func bytes(_ template: String, encoded values: [String: TemplateValue], catalogue: Catalogue) -> [UInt8] {
        var context = values
        context["t"] = catalogue.templateStrings
        context["lang"] = .text(catalogue.language)
        return library.bytes(template, .object(context)) ?? []
    }

    private static func encoded(_ values: [String: any Encodable]) -> [String: TemplateValue] {
        var context: [String: TemplateValue] = [:]
        for (name, value) in values {
            // The encoders of the views never fail; a value that did would be left out, as `nil` is.
            if let encoded = try? TemplateValueEncoder.value(of: value) { context[name] = encoded }
        }
        return context
    }
}

/// HTML answers.
enum PageResponse {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A page already rendered as UTF-8 bytes.
    static func html(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
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
    func page(_ template: String, _ frame: PageFrame, _ page: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        PageResponse.html(bytes: pages.bytes(template, frame: frame, page: page, catalogue: catalogue), status: status)
    }

    /// Renders a page with its frame, from its values already encoded.
    func page(_ template: String, _ frame: PageFrame, encoded page: TemplateValue, status: HTTPResponse.Status = .ok) -> Response {
        PageResponse.html(bytes: pages.bytes(template, frame: frame, encodedPage: page, catalogue: catalogue), status: status)
    }
}
