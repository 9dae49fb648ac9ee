import Foundation
import Hummingbird
import NIOCore

/// The service's own addresses: health, the OpenAPI document, the pages' styles.
enum ServiceRoutes {
    static let routes: [Route] = [
        Route(.get, "/health", "health", .anyone) { _, _, service in
            do {
                try await service.store.ping()
                return try JSONBody.response(["status": "ok"])
            } catch {
                return try JSONBody.response(["status": "unavailable"], status: .serviceUnavailable)
            }
        },
        Route(.get, "/openapi.json", "openAPIDocument", .anyone) { _, _, service in
            JSONBody.raw(service.openAPIDocument, headers: [.cacheControl: "no-cache"])
        },
        Route(.get, "/static/style.css", "style", .anyone, kind: .page) { _, _, service in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: service.styleSheet)))
        },
    ]
}
