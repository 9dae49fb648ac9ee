public import Foundation
public import Hummingbird
public import Logging
import NIOCore
import RespectReports
public import RespectAssessment
public import RespectStore

/// The web application: the routes of `RouteTable` behind the error, security-header and
/// authentication middleware, on Hummingbird's HTTP/1.1 server.
public enum RespectWebApplication {
    /// An application ready to run (`runService()` handles SIGINT and SIGTERM gracefully).
    /// `onRunning` is told the port once the server listens (the one picked when `port` is 0).
    public static func make(store: any ServiceStore, engine: AssessmentEngine, configuration: ServerConfiguration,
                            logger: Logger? = nil,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
        let service = WebService(store: store, engine: engine, configuration: configuration,
                                 accounts: AccountService(store: store, configuration: configuration),
                                 pages: try PageRenderer.load(), catalogue: try Catalogue.load(),
                                 openAPIDocument: Array(try Data(contentsOf: URL(fileURLWithPath: ServerResources.path("openapi.json")))),
                                 styleSheet: Array((HTMLStyle.stylesheet + "\n").utf8)
                                     + Array(try Data(contentsOf: URL(fileURLWithPath: ServerResources.path("Static/style.css")))),
                                 uploads: UploadMemory(capacity: configuration.heldUploadBytes))
        let router = Router(context: RespectRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(service: service))
        router.add(middleware: AuthenticationMiddleware(service: service))
        for route in RouteTable.all {
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try await RouteGuard.respond(route, request, context, service)
            }
        }
        var serverLogger = logger ?? Logger(label: "respect-serve")
        if logger == nil { serverLogger.logLevel = .notice }
        return Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [SlowRequestHandler(grace: .milliseconds(Int64(configuration.idleTimeout * 1000)),
                                                               minimumRate: configuration.minimumUploadRate),
                                            CloseAfterResponseHandler()],
                idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "respect"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: serverLogger)
    }

    /// Every route, for tests and documentation: method, path (OpenAPI style), operation id,
    /// and the roles allowed (`nil`: anyone).
    public static var routes: [(method: String, path: String, operationID: String, roles: Set<Role>?)] {
        RouteTable.all.map { route in
            let roles: Set<Role>? = switch route.access {
            case .anyone: nil
            case .roles(let roles): roles
            }
            return (route.method.rawValue, route.path, route.operationID, roles)
        }
    }
}
