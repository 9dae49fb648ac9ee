import Foundation
import RespectTestSupport
import Testing

/// No lost work: reports given with `--output` are written atomically (a new file renamed into
/// place), a run that fails leaves an existing report untouched, and an output path that cannot
/// be written is reported (exit 73) before any work is done.
///
/// "Before any work" is shown by giving an input that is broken: if the input were read first,
/// the exit code would be 65, not 73.
@Suite("Hostile input: output files")
struct HostileOutputTests {
    let miniFramework = TestSupport.fixture("engine/mini-framework.xml")
    let miniSubmission = TestSupport.fixture("engine/mini-achieved.xml")
    let brokenSubmission = TestSupport.fixture("hostile/truncated.xml")

    private func scratchFolder() throws -> String {
        let path = HostileWorkspace.shared.folder + "/output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func run(_ arguments: [String]) throws -> HostileProcess.Result {
        try HostileProcess.run(arguments, scratch: HostileWorkspace.shared.folder)
    }

    @Test("an output path that is a folder fails with 73 before the input is read")
    func outputIsAFolder() throws {
        let folder = try scratchFolder()
        let result = try run(["check", brokenSubmission, "--framework", miniFramework, "--output", folder])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("cannot write \(folder): it is a folder"))
        #expect(!result.standardError.contains("the file ends before"), "the input was read before the output was checked")
    }

    @Test("an output folder that does not exist, or is a file, fails with 73 before the input is read")
    func outputFolderMissingOrAFile() throws {
        let folder = try scratchFolder()
        let missing = try run(["check", brokenSubmission, "--framework", miniFramework, "--output", folder + "/nowhere/report.txt"])
        #expect(missing.exitCode == 73)
        #expect(missing.standardError.contains("the folder \(folder)/nowhere does not exist"))
        let file = folder + "/plain-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let underFile = try run(["check", brokenSubmission, "--framework", miniFramework, "--output", file + "/report.txt"])
        #expect(underFile.exitCode == 73)
        #expect(underFile.standardError.contains("\(file) is not a folder"))
    }

    @Test("an output folder that is not writable fails with 73 before the input is read",
          .enabled(if: getuid() != 0, "root can write to any folder"))
    func outputFolderNotWritable() throws {
        let folder = try scratchFolder()
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }
        let result = try run(["check", brokenSubmission, "--framework", miniFramework, "--output", folder + "/report.txt"])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("is not writable"))
    }

    @Test("writing the report over an input file is refused and the input is kept")
    func outputIsAnInput() throws {
        let folder = try scratchFolder()
        let submission = folder + "/submission.xml"
        try FileManager.default.copyItem(atPath: miniSubmission, toPath: submission)
        let before = try Data(contentsOf: URL(fileURLWithPath: submission))
        for output in [submission, folder + "/./submission.xml"] {
            let result = try run(["check", submission, "--framework", miniFramework, "--output", output])
            #expect(result.exitCode == 73)
            #expect(result.standardError.contains("it is the input file"))
        }
        let framework = folder + "/framework.xml"
        try FileManager.default.copyItem(atPath: miniFramework, toPath: framework)
        let overFramework = try run(["check", submission, "--framework", framework, "--output", framework])
        #expect(overFramework.exitCode == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: submission)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: framework)) == Data(contentsOf: URL(fileURLWithPath: miniFramework)))
    }

    @Test("a run that fails leaves the previous report untouched")
    func failedRunKeepsTheOldReport() throws {
        let folder = try scratchFolder()
        let report = folder + "/report.json"
        let first = try run(["check", miniSubmission, "--framework", miniFramework, "--format", "json", "--output", report])
        #expect(first.exitCode == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: report))
        let failed = try run(["check", brokenSubmission, "--framework", miniFramework, "--format", "json", "--output", report])
        #expect(failed.exitCode == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"], "no temporary file left behind")
    }

    @Test("a report replaces the old file by renaming a new one into place")
    func reportIsReplacedAtomically() throws {
        let folder = try scratchFolder()
        let report = folder + "/report.txt", oldCopy = folder + "/old-link.txt"
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: report))
        // A hard link keeps the old file's content only if the report was not rewritten in place.
        #expect(link(report, oldCopy) == 0)
        let result = try run(["check", miniSubmission, "--framework", miniFramework, "--output", report])
        #expect(result.exitCode == 0)
        #expect(try String(contentsOfFile: oldCopy, encoding: .utf8) == "old report\n")
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("OUTCOME: ACHIEVED"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["old-link.txt", "report.txt"])
    }

    @Test("tender --output is checked before any bid is read")
    func tenderOutputCheckedFirst() throws {
        let folder = try scratchFolder()
        let result = try run(["tender", "--standards", TestSupport.standardsDirectory, TestSupport.examplesDirectory + "/tender/tender-lot1.xml",
                              TestSupport.examplesDirectory + "/tender/bids", "--output", folder])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("it is a folder"))
        let tender = folder + "/tender.xml"
        try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/tender/tender-lot1.xml", toPath: tender)
        let overTender = try run(["tender", "--standards", TestSupport.standardsDirectory, tender,
                                  TestSupport.examplesDirectory + "/tender/bids", "--output", tender])
        #expect(overTender.exitCode == 73)
        #expect(overTender.standardError.contains("it is the input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: tender)) == Data(contentsOf: URL(fileURLWithPath: TestSupport.examplesDirectory + "/tender/tender-lot1.xml")))
    }
}
