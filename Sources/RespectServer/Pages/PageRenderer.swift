import Hummingbird
import Mustache
import NIOCore

/// Renders the pages from the swift-mustache templates in `Resources/Templates` (every value
/// escaped for HTML unless a template says otherwise). Templates are parsed once at start-up.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        PageRenderer(library: try await MustacheLibrary(directory: ServerResources.path("Templates")))
    }

    /// The page `template` with `values`, and the catalogue's strings as `t`.
    func render(_ template: String, _ values: [String: Any], catalogue: Catalogue) -> String {
        var context = values
        context["t"] = catalogue.strings
        context["lang"] = catalogue.language
        return library.render(context, withTemplate: template) ?? ""
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
}
