import Foundation
import RespectTestSupport
import Testing

@Suite("Checks and the README's walk-through")
struct CheckAndWalkthroughTests {
    @Test("POST /api/v1/check answers exactly what respect check --format json prints for the same file")
    func checkMatchesTheCommandLine() async throws {
        let path = "examples/submissions/not-yet.xml"
        let cli = try CommandLineRunner.run(["check", path, "--format", "json", "--standards", TestSupport.standardsDirectory])
        #expect(cli.exitCode == 20)
        let expected = cli.standardOutput
        try await TestServer.run { server in
            try await server.user("quality@eastfield.example", .provider, organisation: ServerFixtures.eastfield)
            let token = try await server.token("quality@eastfield.example")
            let answer = try await server.client.send("POST", "/api/v1/check?name=\(path)", headers: ServerFixtures.bearer(token),
                                                      body: ServerFixtures.notYetBytes)
            #expect(answer.status == 200)
            #expect(answer.text == expected, "byte for byte")
            #expect(answer.headers["link"]?.hasPrefix("</api/v1/checks/") == true)
            let bad = try await server.client.send("POST", "/api/v1/check", headers: ServerFixtures.bearer(token),
                                                   body: Array("<submission>".utf8))
            #expect(bad.status == 422 && bad.object["code"] as? String == "bad-data" && !(bad.object["problems"] as? [String] ?? []).isEmpty)
        }
    }

    @Test("examples/api/first-steps.sh runs as written against a started respect serve")
    func walkthrough() async throws {
        let data = try TestSupport.temporaryFolder() + "/respect-data"
        let log = try TestSupport.temporaryFolder() + "/serve.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        server.executableURL = CommandLineRunner.executable
        server.arguments = ["serve", "--port", "0", "--data", data]
        server.currentDirectoryURL = TestSupport.repositoryRoot
        // The walk-through uses the data folder, whatever the PostgreSQL leg's environment says.
        var environment = ProcessInfo.processInfo.environment
        environment["RESPECT_DATABASE_URL"] = nil
        server.environment = environment
        server.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var port: String?
        for _ in 0..<300 where port == nil {
            try await Task.sleep(for: .milliseconds(50))
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            port = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression).map { String(text[$0].split(separator: ":")[1]) }
        }
        let url = try #require(port.map { "http://127.0.0.1:\($0)" }, "the server said where it listens")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [TestSupport.repositoryRoot.appendingPathComponent("examples/api/first-steps.sh").path]
        script.environment = environment.merging(
            ["RESPECT_URL": url, "RESPECT": CommandLineRunner.executable.path, "RESPECT_DATA": data]) { $1 }
        let output = Pipe()
        script.standardOutput = output
        script.standardError = output
        try script.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(printed)")
        #expect(printed.contains(#""outcome":"not-yet""#), "\(printed)")
        #expect(printed.lowercased().contains("link: </api/v1/checks/"), "\(printed)")
        #expect(printed.contains(#"{"number":1,"state":"submitted"}"#), "\(printed)")
        server.interrupt()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0, "SIGINT stops the server gracefully")
    }

    @Test("respect serve exits 73 when its data folder cannot be created")
    func unwritableDataFolder() throws {
        let file = TestSupport.temporaryFile("not a folder", name: "plain-file")
        let result = try CommandLineRunner.run(["serve", "--port", "0", "--data", file + "/data"])
        #expect(result.exitCode == 73, "\(result.standardError)")
        #expect(result.standardError.contains("cannot create the data folder"))
    }
}
