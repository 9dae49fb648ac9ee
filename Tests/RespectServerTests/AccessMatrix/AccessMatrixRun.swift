import Foundation
import RespectTestSupport
import Testing

/// One request of the matrix and what came back.
struct ProbeResult: Sendable {
    let probe: Probe
    let actor: Caller
    let answer: TestHTTPClient.Answer
}

extension AccessMatrix {
    /// Whether the server treats `path` as a page (HTML errors, sign-in redirects).
    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/health" || path == "/openapi.json")
    }

    /// Sends every probe as every actor, checks each answer against the table, and returns
    /// them all. Refused actors go first and actors that reach the route last, so a route that
    /// changes something changes it only after everyone refused has tried.
    static func run(_ world: HostileWorld, checking: Bool = true) async throws -> [ProbeResult] {
        let client = world.server.client
        var results: [ProbeResult] = []
        for probe in probes(world) {
            let order = Caller.allCases.filter { probe.reach[$0] == nil } + Caller.allCases.filter { probe.reach[$0] != nil }
            for actor in order {
                let answer = try await send(probe, probe.target, as: actor, world: world, client: client)
                results.append(ProbeResult(probe: probe, actor: actor, answer: answer))
                guard checking else { continue }
                let context = "\(probe.key) as \(actor.rawValue): \(answer.status) \(answer.text.prefix(200))"
                switch probe.reach[actor] {
                case .status(let status)?:
                    #expect(answer.status == status, "\(context)")
                case .without(let text)?:
                    #expect(answer.status == 200 && !answer.text.contains(text), "\(context)")
                case nil:
                    try await expectRefused(probe, actor: actor, answer: answer, world: world, client: client, context: context)
                }
            }
        }
        return results
    }

    /// The answer of the server's rule for a refused actor: signed out, 401 (API) or the
    /// sign-in page (pages); signed in, 404, the same answer a record that does not exist gets.
    static func expectRefused(_ probe: Probe, actor: Caller, answer: TestHTTPClient.Answer, world: HostileWorld,
                              client: TestHTTPClient, context: String) async throws {
        if actor == .anonymous {
            if isPage(probe.path) {
                #expect(answer.status == 303 && answer.headers["location"] == "/sign-in", "\(context)")
            } else {
                #expect(answer.status == 401 && answer.object["code"] as? String == "sign-in-required", "\(context)")
            }
        } else {
            #expect(answer.status == 404, "\(context)")
        }
        guard let absent = probe.absent else { return }
        let other = try await send(probe, absent, as: actor, world: world, client: client)
        #expect(other.status == answer.status && other.body == answer.body,
                "\(context): a record that does not exist answers \(other.status) \(other.text.prefix(200))")
    }

    static func send(_ probe: Probe, _ path: String, as actor: Caller, world: HostileWorld,
                     client: TestHTTPClient) async throws -> TestHTTPClient.Answer {
        var headers = world.headers(actor)
        if probe.json { headers.append(("Content-Type", "application/json")) }
        if probe.body != nil, probe.path == "/sign-in" { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
        return try await client.send(probe.method, path, headers: headers, body: probe.body)
    }
}
