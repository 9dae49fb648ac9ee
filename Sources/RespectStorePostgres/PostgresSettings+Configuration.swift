import NIOSSL
import PostgresNIO

extension PostgresSettings {
    /// The pool's configuration: the endpoint, TLS as `tls` says, the schema as every
    /// connection's `search_path`, and the connection limits.
    func clientConfiguration() -> PostgresClient.Configuration {
        let tlsMode: PostgresClient.Configuration.TLS = switch tls {
        case .disable: .disable
        case .prefer: .prefer(Self.unverified)
        case .require: .require(Self.unverified)
        case .verifyFull: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: tlsMode)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The same for one connection outside the pool.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tlsMode: PostgresConnection.Configuration.TLS = switch tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: Self.unverified))
        case .require: .require(try NIOSSLContext(configuration: Self.unverified))
        case .verifyFull: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: tlsMode)
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// `search_path` set at connection start, so every statement finds the schema's tables
    /// unqualified (the name is a plain name: see `isPlainName`).
    private var startupParameters: [(String, String)] {
        (schema.map { [("search_path", $0)] } ?? []) + [("application_name", "respect")]
    }

    /// Encryption without checking the certificate, as libpq's `prefer` and `require` do.
    private static var unverified: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}
