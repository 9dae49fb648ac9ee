import ArgumentParser
import RespectCommandSupport
import Foundation
import Hummingbird
import RespectServer

/// `respect serve`: the web application and its JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceCommands.serve.name,
        _superCommandName: "respect",
        abstract: ServiceCommands.serve.abstract,
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise; put a TLS reverse proxy in front of \
            it to serve other machines. The data folder (./respect-data) and its SQLite database \
            are created on first start. With --database postgres://… (or RESPECT_DATABASE_URL) \
            several processes share one PostgreSQL database and behave as one service. Stops \
            gracefully on SIGINT or SIGTERM. The API is described at /openapi.json.

            Create the first admin with `respect users add EMAIL --role admin --password-stdin`.

            Exit codes: 0 stopped, 64 usage, 66 no standards folder, 73 the data folder or \
            database cannot be created or written.
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: ArgumentHelp("Largest evidence file accepted, in bytes.", valueName: "bytes"))
    var maxEvidenceFileSize = 20 * 1024 * 1024

    @Option(name: .long, help: ArgumentHelp("Largest submission or tender XML accepted in a request, in bytes.", valueName: "bytes"))
    var maxUploadSize = 32 * 1024 * 1024

    @Option(name: .long, help: ArgumentHelp("Most bytes of uploads (XML, evidence files) held at once across all requests; "
                                            + "an upload past it is answered 503 with Retry-After. Default: four times the "
                                            + "largest upload accepted.", valueName: "bytes"))
    var uploadMemory: Int?

    @Option(name: .long, help: ArgumentHelp("Close a connection idle this long, or whose request head has not arrived by then.", valueName: "seconds"))
    var idleTimeout: Double = 30

    @Option(name: .long, help: ArgumentHelp("The slowest a request body may arrive after --idle-timeout's grace; slower clients are disconnected.", valueName: "bytes/s"))
    var minUploadRate = 16 * 1024

    @Flag(name: .long, help: "Send session cookies without Secure (only to reach the service over plain HTTP by a name other than localhost; unsafe).")
    var insecureCookies = false

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxEvidenceFileSize > 0, maxUploadSize > 0 else { throw ValidationError("upload limits must be positive") }
        let largest = serverConfiguration.largestBody
        if let uploadMemory, uploadMemory < largest {
            throw ValidationError("--upload-memory must hold the largest upload accepted with its form (\(largest) bytes "
                                  + "with these limits); \(uploadMemory) is less")
        }
        guard idleTimeout > 0, minUploadRate > 0 else { throw ValidationError("--idle-timeout and --min-upload-rate must be positive") }
    }

    /// The server's configuration from the options.
    var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxEvidenceFileBytes = maxEvidenceFileSize
        configuration.maxXMLBytes = maxUploadSize
        configuration.maxHeldUploadBytes = uploadMemory
        configuration.secureCookies = !insecureCookies
        configuration.idleTimeout = idleTimeout
        configuration.minimumUploadRate = minUploadRate
        return configuration
    }

    func run() async throws {
        do {
            let store = try await dataOptions.open()
            let engine = try engine.engine()
            let configuration = serverConfiguration
            let started = Date()
            let application = try await RespectWebApplication.make(store: store, engine: engine, configuration: configuration) { port in
                let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                printError("respect: serving http://\(host):\(port) (data: \(dataOptions.databaseURL == nil ? dataOptions.data : "PostgreSQL"); ready in \(milliseconds) ms)")
            }
            try await application.runService()
        } catch {
            throw RespectExit.report(error)
        }
    }
}
