public import Foundation

/// A browser-like session for page tests: signs in through the sign-in form, keeps the session
/// cookie, reads the CSRF token from the pages' forms, and posts forms URL-encoded or as
/// multipart (with files), as a browser would.
public struct PageSession: Sendable {
    public let client: TestHTTPClient
    public let cookie: String
    /// The session's CSRF token, as every form carries it.
    public let csrf: String

    /// Signs in as `email` through `/sign-in`.
    public static func signIn(_ server: TestServer, _ email: String, password: String = "a long passphrase") async throws -> PageSession {
        let client = server.client
        let page = try await client.send("GET", "/sign-in")
        guard let token = page.cookie("respect_sign_in") else { throw PageSessionError.noSignInForm }
        let body = formBody([("csrf", token), ("email", email), ("password", password)])
        let answer = try await client.send("POST", "/sign-in", headers: [("Cookie", "respect_sign_in=\(token)"),
                                                                           ("Content-Type", "application/x-www-form-urlencoded")],
                                           body: Array(body.utf8))
        guard answer.status == 303, let session = answer.cookie("respect_session") else {
            throw PageSessionError.signInRefused(answer.status)
        }
        let home = try await client.send("GET", "/home", headers: [("Cookie", "respect_session=\(session)")])
        guard let csrf = Self.hiddenValue("csrf", in: home.text) else { throw PageSessionError.noCSRFToken }
        return PageSession(client: client, cookie: "respect_session=\(session)", csrf: csrf)
    }

    public func get(_ path: String) async throws -> TestHTTPClient.Answer {
        try await client.send("GET", path, headers: [("Cookie", cookie)])
    }

    /// Posts `fields` URL-encoded, with the CSRF token unless `withToken` is false.
    public func post(_ path: String, _ fields: [(String, String)], withToken: Bool = true) async throws -> TestHTTPClient.Answer {
        let all = (withToken ? [("csrf", csrf)] : []) + fields
        return try await client.send("POST", path, headers: [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded")],
                                     body: Array(Self.formBody(all).utf8))
    }

    /// A file for a multipart post.
    public struct FilePart: Sendable {
        public var field: String
        public var fileName: String
        public var mediaType: String
        public var bytes: [UInt8]

        public init(field: String, fileName: String, mediaType: String = "application/octet-stream", bytes: [UInt8]) {
            self.field = field
            self.fileName = fileName
            self.mediaType = mediaType
            self.bytes = bytes
        }
    }

    /// Posts `fields` and `files` as `multipart/form-data`, with the CSRF token.
    public func postMultipart(_ path: String, _ fields: [(String, String)], files: [FilePart]) async throws -> TestHTTPClient.Answer {
        let boundary = "----respect-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in [("csrf", csrf)] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"\r\nContent-Type: \(file.mediaType)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await client.send("POST", path, headers: [("Cookie", cookie), ("Content-Type", "multipart/form-data; boundary=\(boundary)")],
                                     body: body)
    }

    public static func formBody(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// The value of the first hidden input named `name` in `html`.
    public static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

public enum PageSessionError: Error {
    case noSignInForm
    case signInRefused(Int)
    case noCSRFToken
}
