import Foundation
import RespectTestSupport
import Testing

/// Writes through the API that fault tests run while they break something: uploads of distinct
/// submissions of not-yet.xml, each followed by an evidence file, and a ledger of every write
/// the server acknowledged (answered 201), which must all be found afterwards.
enum Workload {
    static let provider = "quality@eastfield.example"
    static let assessor = "assessor@respect.example"
    static let passphrase = "a long passphrase"

    /// An acknowledged write: a submission's first version, or an evidence file of it.
    struct Write: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case version, evidenceFile(sha256: String) }
        var submission: Int
        var kind: Kind
        var bytes: [UInt8]
    }

    /// The acknowledged writes, in the order the answers arrived.
    actor Ledger {
        private(set) var writes: [Write] = []
        private(set) var failures = 0
        private var stopped = false

        func record(_ write: Write) { writes.append(write) }
        func fail() { failures += 1 }
        func stop() { stopped = true }
        var isStopped: Bool { stopped }
        var count: Int { writes.count }
    }

    /// A bearer token for `email`, through the API.
    static func token(_ client: TestHTTPClient, _ email: String) async throws -> String {
        let basic = Data("\(email):\(passphrase)".utf8).base64EncodedString()
        let answer = try await client.send("POST", "/api/v1/tokens", headers: [("Authorization", "Basic \(basic)")])
        return try #require(answer.object["token"] as? String, "\(answer.status) \(answer.text)")
    }

    /// not-yet.xml made distinct by a comment naming `label`.
    static func submission(_ label: String) -> [UInt8] {
        let text = String(decoding: ServerFixtures.notYetBytes, as: UTF8.self)
        guard let end = text.range(of: "?>") else { return Array(text.utf8) }
        return Array(text.replacingCharacters(in: end, with: "?>\n<!-- \(label) -->").utf8)
    }

    /// Evidence bytes that differ for each `label`.
    static func evidence(_ label: String, size: Int = 40_000) -> [UInt8] {
        let seed = Array("evidence \(label) ".utf8)
        return (0..<size).map { seed[$0 % seed.count] &+ UInt8(truncatingIfNeeded: $0 / seed.count) }
    }

    /// Uploads submissions (and an evidence file to each) with `uploaders` clients at once until
    /// the ledger is stopped or a request fails (the server went away); records what was
    /// acknowledged.
    static func upload(to port: Int, token: String, uploaders: Int, ledger: Ledger, tag: String) async {
        await withTaskGroup(of: Void.self) { group in
            for uploader in 0..<uploaders {
                group.addTask {
                    let client = TestHTTPClient(port: port)
                    let bearer = ServerFixtures.bearer(token)
                    var index = 0
                    while !(await ledger.isStopped) {
                        index += 1
                        let label = "\(tag) uploader \(uploader) upload \(index)"
                        do {
                            let bytes = submission(label)
                            let created = try await client.send("POST", "/api/v1/submissions?name=upload.xml", headers: bearer, body: bytes)
                            guard created.status == 201,
                                  let id = (created.object["submission"] as? [String: Any])?["id"] as? Int else {
                                await ledger.fail()
                                return
                            }
                            await ledger.record(Write(submission: id, kind: .version, bytes: bytes))
                            let file = evidence(label)
                            let uploaded = try await client.send("POST", "/api/v1/submissions/\(id)/files?name=policy.pdf",
                                                                 headers: bearer + [("Content-Type", "application/pdf")], body: file)
                            guard uploaded.status == 201, let digest = uploaded.object["sha256"] as? String else {
                                await ledger.fail()
                                return
                            }
                            await ledger.record(Write(submission: id, kind: .evidenceFile(sha256: digest), bytes: file))
                        } catch {
                            await ledger.fail()
                            return
                        }
                    }
                }
            }
        }
    }

    /// Waits until the ledger holds `count` writes (or `limit` passes).
    static func waitFor(_ count: Int, in ledger: Ledger, within limit: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + limit
        while await ledger.count < count && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The writes of `writes` the server at `port` does not give back byte for byte.
    static func missing(_ writes: [Write], port: Int, token: String) async throws -> [Write] {
        let client = TestHTTPClient(port: port)
        var missing: [Write] = []
        for write in writes {
            let path = switch write.kind {
            case .version: "/api/v1/submissions/\(write.submission)/versions/1/file"
            case .evidenceFile(let digest): "/api/v1/submissions/\(write.submission)/files/\(digest)"
            }
            let answer = try await client.send("GET", path, headers: ServerFixtures.bearer(token))
            if answer.status != 200 || answer.body != write.bytes { missing.append(write) }
        }
        return missing
    }
}
