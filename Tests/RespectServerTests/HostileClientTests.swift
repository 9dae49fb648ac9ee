import Foundation
import RespectTestSupport
import Testing

/// Clients that send too much or too slowly, against a real `respect serve` process on a fresh
/// SQLite data folder: refused while reading, memory bounded, cut off within the documented
/// timeouts, and the server still serves everyone else afterwards.
@Suite("Hostile clients", .serialized)
struct HostileClientTests {
    static let mebibyte = 1024 * 1024

    /// Runs `test` against a fresh server started with `options`, with a provider's token;
    /// stops the server whatever happens.
    static func serve(_ options: [String], _ test: (ServeProcess, String) async throws -> Void) async throws {
        let data = try ServeDataFolder()
        try data.addUser("quality@eastfield.example", role: "provider", organisation: ServerFixtures.eastfield)
        let server = try await ServeProcess.start(dataFolder: data.path, options: options)
        do {
            let basic = Data("quality@eastfield.example:a long passphrase".utf8).base64EncodedString()
            let answer = try await server.client.send("POST", "/api/v1/tokens", headers: [("Authorization", "Basic \(basic)")])
            let token = try #require(answer.object["token"] as? String, "no token: \(answer.status) \(answer.text)")
            try await test(server, token)
            await server.stop()
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Sends a `POST /api/v1/check` head, then up to `total` bytes of body in 1 MiB writes (as
    /// chunks when `chunked`), until the server stops reading; returns the status it answered
    /// and how many body bytes it took.
    static func flood(_ server: ServeProcess, token: String, total: Int, chunked: Bool) async throws -> (status: Int, sent: Int) {
        let connection = try await RawConnection.open(port: server.port)
        defer { connection.close() }
        let framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: \(total)"
        let head = "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\(framing)\r\n\r\n"
        _ = await connection.write(Array(head.utf8))
        let slice = [UInt8](repeating: UInt8(ascii: "<"), count: mebibyte)
        let chunk = chunked ? Array("100000\r\n".utf8) + slice + Array("\r\n".utf8) : slice
        var sent = 0
        while sent < total, await connection.write(chunk) { sent += mebibyte }
        if sent >= total, chunked { _ = await connection.write(Array("0\r\n\r\n".utf8)) }
        let answer = String(decoding: await connection.received().prefix(64), as: UTF8.self)
        // A server that neither answers nor closes within received's limit gives status 0.
        return (connection.wasCutOffByClient ? 0 : Int(answer.dropFirst("HTTP/1.1 ".count).prefix(3)) ?? 0, sent)
    }

    @Test("a 200 MB body is refused with 413 while it is read, declared or chunked, and the server's memory stays bounded")
    func oversizeBodiesAreRefusedWhileReading() async throws {
        try await Self.serve(["--max-upload-size", String(4 * Self.mebibyte)]) { server, token in
            // One real check first, so the engine and its schemas are loaded before measuring.
            let check = try await server.client.send("POST", "/api/v1/check", headers: ServerFixtures.bearer(token),
                                                     body: ServerFixtures.notYetBytes)
            #expect(check.status == 200)
            let before = try #require(server.memory)
            let declared = try await Self.flood(server, token: token, total: 200 * Self.mebibyte, chunked: false)
            #expect(declared.status == 413)
            let chunked = try await Self.flood(server, token: token, total: 200 * Self.mebibyte, chunked: true)
            #expect(chunked.status == 413)
            #expect(chunked.sent < 200 * Self.mebibyte, "the server stopped reading a body past the limit")
            let after = try #require(server.memory)
            let growth = after.peak - before.peak
            #expect(growth < 48 * Self.mebibyte, "peak RSS grew \(growth / Self.mebibyte) MiB for 400 MB sent with a 4 MiB limit")
            let again = try await server.client.send("POST", "/api/v1/check", headers: ServerFixtures.bearer(token),
                                                     body: ServerFixtures.notYetBytes)
            #expect(again.status == 200, "the server still serves")
        }
    }

    @Test("a client sending its request head a byte at a time, or nothing, is cut off after the idle timeout")
    func slowHeadsAreCutOff() async throws {
        try await Self.serve(["--idle-timeout", "2"]) { server, _ in
            let silent = try await RawConnection.open(port: server.port)
            let slow = try await RawConnection.open(port: server.port)
            let started = ContinuousClock.now
            _ = await slow.write(Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8))
            var written = 0
            while written < 60, !slow.isClosed, await slow.write([UInt8(ascii: "X")]) {
                written += 1
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(slow.isClosed && written < 60, "still open after \(written) bytes")
            // When the server closed it, not when this task ran again (a task can wait minutes
            // for a thread on CI; it then writes fewer bytes, which only ends the head sooner).
            let elapsed = (slow.closedAt ?? .now) - started
            #expect(elapsed < .seconds(7), "cut off after \(elapsed), the idle timeout is 2 s")
            _ = await silent.received()
            #expect(silent.isClosed && !silent.wasCutOffByClient, "the server left a silent connection open for a minute")
            #expect(try await server.client.send("GET", "/health").status == 200, "the server still serves")
        }
    }

    @Test("a client trickling its body slower than the minimum upload rate is cut off")
    func slowBodiesAreCutOff() async throws {
        try await Self.serve(["--idle-timeout", "2", "--min-upload-rate", "1000"]) { server, token in
            let slow = try await RawConnection.open(port: server.port)
            let head = "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Length: 100000\r\n\r\n"
            let started = ContinuousClock.now
            _ = await slow.write(Array(head.utf8))
            var written = 0
            // 20 bytes a second: each write resets the idle timeout, so only the rate stops it.
            while written < 300, !slow.isClosed, await slow.write([UInt8(ascii: " ")]) {
                written += 1
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(slow.isClosed && written < 300, "still open after \(written) bytes")
            let elapsed = (slow.closedAt ?? .now) - started
            #expect(elapsed < .seconds(8), "cut off after \(elapsed): 2 s of grace plus 1 s per 1,000 bytes")
            // A body sent at a normal pace is not affected.
            let check = try await server.client.send("POST", "/api/v1/check", headers: ServerFixtures.bearer(token),
                                                     body: ServerFixtures.notYetBytes)
            #expect(check.status == 200)
        }
    }

    /// Opens a connection that sends a `POST /api/v1/check` head declaring `declared` bytes, then
    /// a tenth of them, and holds the rest back. Head and tenth go in one write, so a test task
    /// that waits long for a thread cannot leave the server a head alone to time out.
    static func holdUpload(_ server: ServeProcess, token: String, declared: Int) async throws -> RawConnection {
        let connection = try await RawConnection.open(port: server.port)
        let head = "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Length: \(declared)\r\n\r\n"
        _ = await connection.write(Array(head.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: declared / 10))
        return connection
    }

    @Test("uploads past the server's upload memory are answered 503 at once, declared or chunked, while sign-in still works; held uploads given up make room again")
    func uploadsPastTheUploadMemoryAreRefusedAtOnce() async throws {
        // Room for two of the largest uploads (1 MiB each) and 64 KiB more: the least allowed with
        // these limits is one upload and a form's 64 KiB of fields. The held uploads must outlast
        // any wait of this test's task for a thread (minutes, on CI), hence the long idle timeout.
        let kibibyte = 1024
        let options = ["--max-upload-size", String(Self.mebibyte), "--max-evidence-file-size", String(Self.mebibyte),
                       "--upload-memory", String(2 * Self.mebibyte + 64 * kibibyte), "--idle-timeout", "600"]
        try await Self.serve(options) { server, token in
            let check = { (body: [UInt8]) in
                try await server.client.send("POST", "/api/v1/check", headers: ServerFixtures.bearer(token), body: body)
            }
            // A real submission of about 600 KB: the engine reads it whole whatever it is padded with.
            let padded = ServerFixtures.notYetBytes + Array("<!--\(String(repeating: " ", count: 600_000))-->\n".utf8)
            let first = try await check(padded)
            #expect(first.status == 200, "the padded file is checked when nothing else is held: \(first.status) \(first.text.prefix(300))")

            // Three held uploads fill the memory to the byte.
            let declared = [Self.mebibyte, Self.mebibyte, 64 * kibibyte]
            var holders: [RawConnection] = []
            for size in declared { holders.append(try await Self.holdUpload(server, token: token, declared: size)) }
            // The server counts a held upload once it has read its head: even the 35 KB example
            // is refused once all three are counted (asked again until then). A check the server
            // reads before the last held head takes the room that upload needed, and the held
            // upload is refused (503, connection closed): it is held again before the next check.
            var refused: TestHTTPClient.Answer?
            for _ in 0..<50 where refused == nil {
                for index in holders.indices where holders[index].isClosed {
                    holders[index] = try await Self.holdUpload(server, token: token, declared: declared[index])
                }
                try await Task.sleep(for: .milliseconds(100))
                let answer = try await check(ServerFixtures.notYetBytes)
                if answer.status == 503 { refused = answer }
            }
            let busy = try #require(refused, "a small upload was never refused while the held ones filled the memory")
            #expect(busy.object["code"] as? String == "busy")
            #expect(busy.headers["retry-after"] == "5")
            #expect((busy.object["message"] as? String)?.contains("Nothing you sent was kept") == true, "\(busy.text)")
            #expect((busy.object["detail"] as? String)?.contains("at most 2 MiB of large files at a time") == true, "\(busy.text)")

            // Sending in chunks does not get round it: counted as the body grows.
            let chunked = try await Self.flood(server, token: token, total: Self.mebibyte, chunked: true)
            #expect(chunked.status == 503, "a chunked upload past the memory gave \(chunked.status)")

            // Small bodies (a JSON body here) are not counted: signing in still works.
            let basic = Data("quality@eastfield.example:a long passphrase".utf8).base64EncodedString()
            let signIn = try await server.client.send("POST", "/api/v1/tokens",
                                                      headers: [("Authorization", "Basic \(basic)"), ("Content-Type", "application/json")],
                                                      body: Array(#"{"label": "while the server is busy"}"#.utf8))
            #expect(signIn.status == 201, "signing in while uploads fill the memory gave \(signIn.status) \(signIn.text)")

            // The held uploads given up, their bytes are given back.
            for holder in holders { holder.close() }
            var again = 0
            for _ in 0..<50 where again != 200 {
                again = try await check(padded).status
                if again != 200 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(again == 200, "the server never took a large upload again after the held ones were given up")
        }
    }

    @Test("an upload memory too small for the largest upload is refused at start: exit 64, naming the option and the least it may be")
    func tooSmallAnUploadMemoryIsRefused() async throws {
        let data = try ServeDataFolder()
        let result = try await ServeProcess.refusal(["--data", data.path, "--max-upload-size", String(Self.mebibyte),
                                                     "--max-evidence-file-size", String(Self.mebibyte), "--upload-memory", "1000000"])
        #expect(result.status == 64, "exit \(result.status): \(result.output)")
        #expect(result.output.contains("--upload-memory must hold the largest upload accepted"), "\(result.output)")
        #expect(result.output.contains(String(Self.mebibyte + 64 * 1024)), "names the least it may be: \(result.output)")
    }
}
