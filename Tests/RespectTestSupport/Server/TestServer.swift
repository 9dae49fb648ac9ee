public import Foundation
import Hummingbird
import Logging
import RespectAssessment
public import RespectServer
public import RespectStore
import RespectStoreSQLite
import RespectXML
import RespectModel
import ServiceLifecycle

/// A real server for tests, in the style of HummingbirdTesting: started in-process on a free
/// loopback port over a fresh SQLite database in a temporary folder (or a fresh PostgreSQL
/// schema when `RESPECT_DATABASE_URL` is set), with the shipped standards,
/// and stopped when the test's closure returns.
public struct TestServer: Sendable {
    public let port: Int
    public let store: any ServiceStore
    public let dataDirectory: String
    public var client: TestHTTPClient { TestHTTPClient(port: port) }

    /// Runs `test` against a fresh server; `configure` adjusts its configuration first.
    ///
    /// With `RESPECT_DATABASE_URL` set (the PostgreSQL leg) the server runs on a fresh schema of
    /// that database instead, as a user of it (`DatabaseOutageGate`).
    public static func run<Value: Sendable>(configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
                                            _ test: @Sendable (TestServer) async throws -> Value) async throws -> Value {
        guard TestDatabase.url != nil else { return try await serve(database: nil, configure: configure, test) }
        let url = try TestDatabase.freshURL()
        return try await DatabaseOutageGate.shared.value(stops: false) {
            try await serve(database: url, configure: configure, test)
        }
    }

    private static func serve<Value: Sendable>(database url: String?, configure: @Sendable (inout ServerConfiguration) -> Void,
                                               _ test: @Sendable (TestServer) async throws -> Value) async throws -> Value {
        let folder = try TestSupport.temporaryFolder()
        let store = try await ServiceDatabase.open(url: url, dataDirectory: folder)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.bcryptCost = 4
        configure(&configuration)
        let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let application = try await RespectWebApplication.make(store: store, engine: engine, configuration: configuration,
                                                                logger: logger) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError.notStarted }
            defer { }
            do {
                let value = try await test(TestServer(port: port, store: store, dataDirectory: folder))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Adds an organisation, and a user with `password` who belongs to it (or to none).
    @discardableResult
    public func user(_ email: String, _ role: Role, organisation: String? = nil, password: String = "a long passphrase",
                     name: String = "Test organisation") async throws -> UserAccount {
        let accounts = AccountService(store: store, configuration: { var c = ServerConfiguration(); c.bcryptCost = 4; return c }())
        if let organisation, try await store.organisation(RegisteredNumber(organisation)!) == nil {
            _ = try await accounts.addOrganisation(number: organisation, name: name, kind: role == .commissioner ? .commissioner : .provider,
                                                   by: .commandLine("test"))
        }
        return try await accounts.addUser(email: email, role: role, organisation: organisation, password: password,
                                          by: .commandLine("test"))
    }

    /// A bearer token for a user added with `user`.
    public func token(_ email: String, password: String = "a long passphrase") async throws -> String {
        let basic = Data("\(email):\(password)".utf8).base64EncodedString()
        let answer = try await client.send("POST", "/api/v1/tokens", headers: [("Authorization", "Basic \(basic)")])
        guard let token = answer.object["token"] as? String else { throw TestServerError.noToken(answer.status, answer.text) }
        return token
    }
}

public enum TestServerError: Error {
    case notStarted
    case noToken(Int, String)
}
