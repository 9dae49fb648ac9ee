import Foundation
import Hummingbird
import NIOCore

/// Turns every error into the answer a client expects: JSON `{"code", "message", "problems"}`
/// for the API (and anything that is not a page), an HTML page for pages, a redirect to the
/// sign-in page for a page that needs a sign-in. Nothing internal is ever shown; unexpected
/// errors are logged and answered 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = RespectRequestContext
    let service: WebService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let serviceError = Self.serviceError(error, context: context)
            var response = respond(serviceError, to: request, context: context)
            // A refused body may still be arriving: closing the connection stops reading it.
            if serviceError.code == .tooLarge || serviceError.code == .busy { response.headers[.connection] = "close" }
            if serviceError.code == .busy { response.headers[.retryAfter] = String(Self.busyRetrySeconds) }
            return response
        }
    }

    /// How long a client refused as `busy` is asked to wait (`Retry-After`, in seconds).
    static let busyRetrySeconds = 5

    static func serviceError(_ error: any Error, context: Context) -> ServiceError {
        switch error {
        case let error as ServiceError:
            if error.code == .internalError, let cause = error.cause {
                context.logger.error("internal error: \(cause)")
            }
            return error
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound
            case .methodNotAllowed: return ServiceError(.methodNotAllowed)
            case .contentTooLarge: return ServiceError(.tooLarge)
            case .badRequest: return ServiceError(.badRequest)
            default: return ServiceError(.internalError)
            }
        default:
            context.logger.error("unexpected error: \(error)")
            return ServiceError(.internalError)
        }
    }

    func respond(_ error: ServiceError, to request: Request, context: Context) -> Response {
        let isPage = RouteTable.isPagePath(request.uri.path)
        if isPage, error.code == .signInRequired {
            return Response(status: .seeOther, headers: [.location: "/sign-in"])
        }
        let message = service.catalogue.message(for: error.code)
        if isPage {
            let html = service.pages.render("error", [
                "title": message, "status": Int(error.code.status.code), "detail": error.detail ?? "",
            ], catalogue: service.catalogue)
            return PageResponse.html(html, status: error.code.status)
        }
        var body: [String: ErrorBodyValue] = ["code": .text(error.code.rawValue), "message": .text(message)]
        if let detail = error.detail { body["detail"] = .text(detail) }
        if !error.problems.isEmpty { body["problems"] = .list(error.problems) }
        var response = (try? JSONBody.response(body, status: error.code.status))
            ?? Response(status: error.code.status)
        if error.code == .signInRequired { response.headers[.wwwAuthenticate] = #"Bearer realm="respect""# }
        return response
    }
}

/// A value of an error body: text or a list of texts.
enum ErrorBodyValue: Encodable {
    case text(String)
    case list([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        }
    }
}
