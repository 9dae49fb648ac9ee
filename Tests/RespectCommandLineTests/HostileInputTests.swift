import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The ways a hostile input reaches the engine. Every case in `HostileCase.all` runs through
/// every leg and must give the same documented result.
enum HostileLeg: String, CaseIterable, Sendable {
    /// `DocumentLoader` + `FrameworkCatalog` + `Evaluator` + every report, in-process.
    case library
    /// `respect validate FILE`.
    case validate
    /// `respect check FILE` (or `check MINI --framework FILE` for a framework).
    case check
    /// `respect batch FILE` (or `batch MINI --framework FILE` for a framework): a file that
    /// cannot be scored is reported, located, and the batch exits 65.
    case batch

    /// The legs that run the built binary.
    static let commandLine: [HostileLeg] = allCases.filter { $0 != .library }

    /// The command line for a case (without the binary's name).
    func arguments(for hostile: HostileCase) -> [String] {
        let standards = ["--standards", HostileWorkspace.shared.standards]
        switch (self, hostile.kind) {
        case (.validate, _):
            return ["validate"] + standards + hostile.limitOptions + [hostile.path]
        case (.check, .submission), (.library, .submission):
            return ["check"] + standards + hostile.limitOptions + [hostile.path]
        case (.check, .framework), (.library, .framework):
            return ["check"] + standards + hostile.limitOptions + [TestSupport.fixture("engine/mini-achieved.xml"), "--framework", hostile.path]
        case (.batch, .submission):
            return ["batch"] + standards + hostile.limitOptions + [hostile.path]
        case (.batch, .framework):
            return ["batch"] + standards + hostile.limitOptions + [TestSupport.fixture("engine/mini-achieved.xml"), "--framework", hostile.path]
        }
    }

    /// The exit code the leg must end with.
    func expectedExit(for hostile: HostileCase) -> Int32 {
        switch self {
        case .validate: hostile.validateExit
        case .check, .library: hostile.checkExit
        case .batch:
            if HostileInputTests.verdictExits.contains(hostile.checkExit) {
                0  // every file scored, whatever its verdict
            } else if hostile.kind == .framework {
                hostile.checkExit  // the framework is loaded before any file is scored
            } else if hostile.isDirectory || !FileManager.default.fileExists(atPath: hostile.path) {
                66  // a folder is searched for *.xml files (this one has none); a path that leads nowhere is missing input
            } else {
                65  // the file could not be scored; the batch reports it and goes on
            }
        }
    }
}

/// Hostile and broken input: nothing crashes, nothing leaks, nothing hangs, nothing is fetched,
/// and every refusal says where and what was expected. The cases are in `HostileCases.swift`.
@Suite("Hostile input")
struct HostileInputTests {
    static let verdictExits: Set<Int32> = [0, 10, 20]

    @Test("every hostile input gets its documented result through the library", arguments: HostileCase.all)
    func library(_ hostile: HostileCase) {
        let loader = DocumentLoader(schemas: TestSupport.schemas, limits: hostile.limits, maxEvidenceItems: hostile.maxEvidenceItems)
        let validated = Result { () throws(DocumentLoadError) in try loader.load(contentsOf: hostile.path) }
        if case .failure(let error) = validated, hostile.validateExit == 0 {
            Issue.record("expected the file to load, got: \(error)")
        }
        let (exit, text) = Self.evaluate(hostile, loader: loader)
        #expect(exit == hostile.checkExit, "\(text)")
        checkText(text, of: hostile, exit: exit)
    }

    @Test("every hostile input gets its documented result from the command line, within bounds",
          arguments: HostileCase.all, HostileLeg.commandLine)
    func commandLine(_ hostile: HostileCase, _ leg: HostileLeg) throws {
        let result = try HostileProcess.run(leg.arguments(for: hostile), scratch: HostileWorkspace.shared.folder)
        #expect(!result.timedOut, "did not finish within \(HostileProcess.timeLimit)")
        #expect(result.signal == nil, "killed by signal \(result.signal ?? 0): \(result.standardError.prefix(2000))")
        #expect(result.peakMemoryBytes < HostileProcess.memoryLimitBytes, "peak memory \(result.peakMemoryBytes >> 20) MB")
        let expected = leg.expectedExit(for: hostile)
        #expect(result.exitCode == expected, "\(result.standardError.prefix(2000))")
        if expected == 0 && leg == .validate {
            #expect(result.standardOutput.contains("valid"))
        } else if leg == .batch && expected == 0 {
            #expect(result.standardOutput.contains("Scored 1 of 1 submission"), "\(result.standardOutput)")
        } else if leg == .batch && hostile.isDirectory {
            #expect(result.standardError.contains("no *.xml files found"))
        } else if leg == .batch && expected == 66 {
            #expect(result.standardError.contains("\(hostile.path): no such file or folder"))
        } else if Self.verdictExits.contains(expected) {
            checkText(result.standardOutput, of: hostile, exit: expected)
        } else {
            checkText(result.standardError, of: hostile, exit: expected)
        }
        #expect(!result.allOutput.contains(HostileWorkspace.secretMarker), "a secret leaked into the output")
        #expect(!result.standardError.contains(" error : "), "libxml2 printed a raw message: \(result.standardError.prefix(500))")
    }

    @Test("no hostile input makes the engine touch the network")
    func nothingIsFetched() throws {
        let listener = HostileWorkspace.shared.listener
        let hostile = try #require(HostileCase.entities.first { $0.name.contains("local listener") })
        _ = Self.evaluate(hostile, loader: TestSupport.loader)
        for leg in HostileLeg.commandLine {
            let result = try HostileProcess.run(leg.arguments(for: hostile), scratch: HostileWorkspace.shared.folder)
            #expect(result.exitCode == 65)
        }
        #expect(!listener.connectionAttempted, "something connected to the local listener")
    }

    @Test("validate goes on past hostile files and reports every file")
    func validateReportsEveryFile() throws {
        let workspace = HostileWorkspace.shared
        let good = TestSupport.fixture("engine/mini-achieved.xml")
        let files = [good, workspace.path("fifo.xml"), TestSupport.fixture("hostile/billion-laughs.xml"),
                     workspace.path("sparse-8GiB.xml"), TestSupport.fixture("hostile/utf16le-bom.xml")]
        let result = try HostileProcess.run(["validate", "--standards", workspace.standards] + files, scratch: workspace.folder)
        #expect(result.exitCode == 65)
        #expect(result.standardOutput.contains("\(good): valid submission"))
        #expect(result.standardOutput.contains("utf16le-bom.xml: valid submission"))
        for refused in files[1...3] { #expect(result.standardError.contains("\(refused): invalid")) }
    }

    @Test("a FIFO, a folder and a hostile file among the installed frameworks do not stop check")
    func hostileStandardsFolder() throws {
        let folder = HostileWorkspace.shared.path("standards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder + "/folder.xml", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/schema", withDestinationPath: TestSupport.standardsDirectory + "/schema")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("engine/mini-framework.xml"), toPath: folder + "/mini.xml")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("hostile/billion-laughs.xml"), toPath: folder + "/bomb.xml")
        #expect(mkfifo(folder + "/a-pipe.xml", 0o600) == 0)
        let check = try HostileProcess.run(["check", "--standards", folder, TestSupport.fixture("engine/mini-achieved.xml")],
                                           scratch: HostileWorkspace.shared.folder)
        #expect(check.exitCode == 0, "\(check.standardError)")
        #expect(!check.timedOut)
        let listing = try HostileProcess.run(["frameworks", "--standards", folder], scratch: HostileWorkspace.shared.folder)
        #expect(listing.exitCode == 65)
        #expect(listing.standardOutput.contains("mini@1"))
        #expect(listing.standardError.contains("a-pipe.xml: not loaded"))
        #expect(listing.standardError.contains("DOCTYPE declarations"))
    }

    @Test("tender goes on past hostile bids and still compares the others")
    func tenderGoesOnPastHostileBids() throws {
        let workspace = HostileWorkspace.shared
        let bids = workspace.path("bids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: bids, withIntermediateDirectories: true)
        let examples = TestSupport.examplesDirectory + "/tender/bids"
        for name in try FileManager.default.contentsOfDirectory(atPath: examples) {
            try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: bids + "/" + name)
        }
        try FileManager.default.copyItem(atPath: TestSupport.fixture("hostile/xxe-local-file.xml"), toPath: bids + "/x-xxe.xml")
        try FileManager.default.copyItem(atPath: TestSupport.fixture("hostile/truncated.xml"), toPath: bids + "/y-truncated.xml")
        #expect(mkfifo(bids + "/z-pipe.xml", 0o600) == 0)
        let result = try HostileProcess.run(["tender", "--standards", TestSupport.standardsDirectory,
                                             TestSupport.examplesDirectory + "/tender/tender-lot1.xml", bids, "--format", "csv"],
                                            scratch: workspace.folder)
        #expect(result.exitCode == 0, "\(result.standardError.prefix(2000))")
        #expect(!result.timedOut)
        let rows = CSVRecords.parse(result.standardOutput)  // reasons in a cell are one per line
        #expect(rows.count == 1 + 8, "a header and one row per bid, hostile ones included")
        for name in ["x-xxe.xml", "y-truncated.xml", "z-pipe.xml"] {
            #expect(result.standardError.contains("bid \(bids)/\(name) could not be read"))
        }
        #expect(!result.allOutput.contains(HostileWorkspace.secretMarker))
    }

    /// What a user would see for a refusal or a verdict, checked against the case.
    private func checkText(_ text: String, of hostile: HostileCase, exit: Int32) {
        for fragment in hostile.says {
            #expect(text.contains(fragment), "missing '\(fragment)' in:\n\(text.prefix(3000))")
        }
        #expect(!text.contains(HostileWorkspace.secretMarker), "a secret leaked")
        #expect(!text.contains("Fatal error"))
        guard !Self.verdictExits.contains(exit) else { return }
        if hostile.errorNamesFile { #expect(text.contains(hostile.path), "the error does not name the file") }
        if let line = hostile.line { #expect(text.contains("\(hostile.path):\(line)"), "the error is not located at line \(line)") }
    }

    /// The library leg: the use case the command line calls (a submission through
    /// `AssessmentEngine.assess`; a framework loaded and used on the mini submission), every
    /// report rendered, and the result mapped to exit codes by `ExitStatus`, as the command line does.
    static func evaluate(_ hostile: HostileCase, loader: DocumentLoader) -> (exit: Int32, text: String) {
        do {
            let assessment: Assessment
            switch hostile.kind {
            case .submission:
                let engine = AssessmentEngine(standards: HostileWorkspace.shared.standards, loader: loader)
                assessment = try engine.assess(AssessmentRequest(submission: .file(hostile.path), today: CalendarDate("2026-06-30")!)).assessment
            case .framework:
                let framework = try loader.loadFramework(contentsOf: hostile.path)
                let submission = try loader.loadSubmission(contentsOf: TestSupport.fixture("engine/mini-achieved.xml"))
                assessment = try Evaluator(framework: framework).evaluate(submission, asOf: submission.asOf ?? CalendarDate("2026-06-30")!)
            }
            let text = TextReport().render(assessment) + (try JSONReport.render(assessment)) + HTMLCheckReport().render(assessment)
            return (ExitStatus.code(for: assessment.outcome.verdict), text)
        } catch let failure as AssessmentFailure {
            return (ExitStatus.code(for: failure.kind), failure.description)
        } catch let error as DocumentLoadError {
            return (ExitStatus.code(for: AssessmentError.load(error).kind), error.description)
        } catch {
            return (65, "\(error)")
        }
    }
}
