import Foundation
import RespectTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing an output never replaces something else: through a symbolic link the target is
/// written and the link stays; a device, FIFO or socket is written into, never replaced by a
/// file; a replaced file keeps its permission bits and owner; a folder that cannot be written is
/// reported (exit 73) with nothing left in it. Each case runs for every way a command writes a
/// file: `check --output`, `tender --output`, `batch --csv` and `batch --jsonl`. Every file is
/// made in a temporary folder; no system path is written.
@Suite("Output files: links, devices, FIFOs, sockets and permissions")
struct OutputFileTests {
    /// One way of writing a file, and what it writes.
    struct Writer: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// The command line writing to the path given.
        let arguments: @Sendable (String) -> [String]
        let exitCode: Int32
        /// Text the output must contain.
        let expected: String

        static let miniFramework = TestSupport.fixture("engine/mini-framework.xml")
        static let miniSubmission = TestSupport.fixture("engine/mini-achieved.xml")

        static let all = [
            Writer(testDescription: "check --output", arguments: { ["check", miniSubmission, "--framework", miniFramework, "--output", $0] },
                   exitCode: 0, expected: "OUTCOME: ACHIEVED"),
            Writer(testDescription: "tender --output", arguments: {
                ["tender", "--standards", TestSupport.standardsDirectory, TestSupport.examplesDirectory + "/tender/tender-lot1.xml",
                 TestSupport.examplesDirectory + "/tender/bids", "--output", $0]
            }, exitCode: 0, expected: "Tender check (advisory): WBC/2026/017 Lot 1"),
            Writer(testDescription: "batch --csv", arguments: { ["batch", miniSubmission, "--framework", miniFramework, "--csv", $0] },
                   exitCode: 0, expected: "provider,file,outcome,"),
            Writer(testDescription: "batch --jsonl", arguments: { ["batch", miniSubmission, "--framework", miniFramework, "--jsonl", $0] },
                   exitCode: 0, expected: "\"outcome\":\"achieved\""),
        ]
    }

    private func scratchFolder() throws -> String {
        let path = HostileWorkspace.shared.folder + "/output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func run(_ arguments: [String], unprivileged: Bool = false) throws -> HostileProcess.Result {
        try HostileProcess.run(arguments, scratch: HostileWorkspace.shared.folder, unprivileged: unprivileged)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    private func type(_ path: String) -> mode_t? {
        status(path).map { $0.st_mode & S_IFMT }
    }

    @Test("through a symbolic link the target is written and the link stays", arguments: Writer.all)
    func symbolicLink(_ writer: Writer) throws {
        let folder = try scratchFolder()
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/report.out"))
        #expect(symlink("report.out", folder + "/link.out") == 0)
        let result = try run(writer.arguments(folder + "/link.out"))
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(type(folder + "/link.out") == S_IFLNK, "the link is still a link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.out") == "report.out")
        #expect(try text(folder + "/report.out").contains(writer.expected))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.out", "report.out"],
                "no temporary file left behind")
    }

    @Test("a chain of links, absolute and relative, is followed to the final target", arguments: Writer.all)
    func chainOfLinks(_ writer: Writer) throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/reports/final.out"))
        #expect(symlink("final.out", folder + "/reports/latest.out") == 0)
        #expect(symlink(folder + "/reports/latest.out", folder + "/middle.out") == 0)
        #expect(symlink("middle.out", folder + "/first.out") == 0)
        let result = try run(writer.arguments(folder + "/first.out"))
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(["first.out", "middle.out", "reports/latest.out"].allSatisfy { type(folder + "/" + $0) == S_IFLNK })
        #expect(try text(folder + "/reports/final.out").contains(writer.expected))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/reports").sorted() == ["final.out", "latest.out"])
    }

    @Test("a dangling link is written through: its target is made and the link stays", arguments: Writer.all)
    func danglingLink(_ writer: Writer) throws {
        let folder = try scratchFolder()
        #expect(symlink("made-by-respect.out", folder + "/link.out") == 0)
        let result = try run(writer.arguments(folder + "/link.out"))
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(type(folder + "/link.out") == S_IFLNK)
        #expect(type(folder + "/made-by-respect.out") == S_IFREG)
        #expect(try text(folder + "/link.out").contains(writer.expected))
    }

    @Test("a replaced file keeps its permission bits (0640) and, where it may be set, its owner", arguments: Writer.all)
    func keepsModeAndOwner(_ writer: Writer) throws {
        let folder = try scratchFolder()
        let report = folder + "/report.out"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: report))
        #expect(chmod(report, 0o640) == 0)
        // Root may give the file away; a process run by root then gives it back to its owner.
        let owner = getuid() == 0 ? HostileProcess.unprivilegedUser : getuid()
        if getuid() == 0 { #expect(chown(report, owner, gid_t(owner)) == 0) }
        let result = try run(writer.arguments(report))
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(try text(report).contains(writer.expected))
        let info = try #require(status(report))
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(info.st_uid == owner)
    }

    @Test("a FIFO is written into, with a reader on the other end, and stays a FIFO", arguments: Writer.all)
    func fifo(_ writer: Writer) throws {
        let folder = try scratchFolder()
        let reader = try FIFOReader(path: folder + "/pipe.out")
        let result = try run(writer.arguments(reader.path))
        let received = try #require(reader.finish(), "the reader was never reached: the FIFO was replaced")
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(String(decoding: received, as: UTF8.self).contains(writer.expected))
        #expect(type(reader.path) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe.out"], "no temporary file")
    }

    @Test("a character device (a null device made in a test folder) is written into and stays a device",
          .enabled(if: getuid() == 0, "only root may make a device node"), arguments: Writer.all)
    func characterDevice(_ writer: Writer) throws {
        let folder = try scratchFolder()
        let device = folder + "/null.out"
        // Major 1, minor 3: the null device, at a path of the test's own.
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let before = try #require(status(device))
        let result = try run(writer.arguments(device))
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        let after = try #require(status(device))
        #expect(after.st_mode & S_IFMT == S_IFCHR, "still a character device")
        #expect(after.st_rdev == before.st_rdev && after.st_ino == before.st_ino, "the same device node")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["null.out"], "no temporary file")
    }

    @Test("standard output that refuses the report (a full device) ends with 73 and a message, not a crash",
          .enabled(if: getuid() == 0, "only root may make a device node"))
    func fullStandardOutput() throws {
        let folder = try scratchFolder()
        let device = folder + "/full"
        // Major 1, minor 7: the full device (every write fails for want of space), at a path of the test's own.
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0)
        let output = try #require(FileHandle(forWritingAtPath: device))
        let errors = Pipe()
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = ["check", Writer.miniSubmission, "--framework", Writer.miniFramework]
        process.currentDirectoryURL = TestSupport.repositoryRoot
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "\(message)")
        #expect(process.terminationStatus == 73, "\(message)")
        #expect(message.contains("cannot write standard output: No space left on device"))
    }

    @Test("a standard error that cannot be written loses the message but not the exit code",
          .enabled(if: getuid() == 0, "only root may make a device node"))
    func fullStandardError() throws {
        let folder = try scratchFolder()
        let device = folder + "/full"
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0)
        let process = Process()
        process.executableURL = CommandLineRunner.executable
        process.arguments = ["check", folder + "/no-such-submission.xml", "--framework", Writer.miniFramework]
        process.currentDirectoryURL = TestSupport.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try #require(FileHandle(forWritingAtPath: device))
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 66, "the missing file's exit code, not a trap's")
    }

    @Test("a Unix socket is connected to and written into, and stays a socket")
    func socket() throws {
        // A short folder: a socket's path must fit in 108 bytes.
        let folder = "/tmp/respect-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reader = try UnixSocketReader(path: folder + "/report.sock")
        let writer = Writer.all[0]
        let result = try run(writer.arguments(reader.path))
        let received = String(decoding: reader.finish(), as: UTF8.self)
        #expect(result.exitCode == writer.exitCode, "\(result.standardError)")
        #expect(received.contains(writer.expected))
        #expect(type(reader.path) == S_IFSOCK)
    }

    @Test("a folder that cannot be written fails with 73 before any work, and nothing is left in it",
          .enabled(if: HostileProcess.canRunUnprivileged, "needs a user without root's powers"), arguments: Writer.all)
    func unwritableFolder(_ writer: Writer) throws {
        let folder = try scratchFolder()
        let closed = folder + "/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
        #expect(chmod(closed, 0o555) == 0)
        defer { chmod(closed, 0o755) }
        let result = try run(writer.arguments(closed + "/report.out"), unprivileged: true)
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("cannot write \(closed)/report.out: the folder \(closed) is not writable"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: closed).isEmpty)
        // Through a link from a folder that can be written, the target's folder is the one that counts.
        #expect(chmod(folder, 0o777) == 0)
        #expect(symlink(closed + "/report.out", folder + "/link.out") == 0)
        let linked = try run(writer.arguments(folder + "/link.out"), unprivileged: true)
        #expect(linked.exitCode == 73)
        #expect(linked.standardError.contains("(a link to \(closed)/report.out): the folder \(closed) is not writable"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: closed).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["closed", "link.out"])
    }

    @Test("a file the user may not write is not replaced, even in a folder they may write",
          .enabled(if: HostileProcess.canRunUnprivileged && getuid() == 0, "needs a file owned by another user"))
    func unwritableFile() throws {
        let folder = try scratchFolder()
        #expect(chmod(folder, 0o777) == 0)
        let report = folder + "/report.out"
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: report))
        #expect(chmod(report, 0o644) == 0)
        let result = try run(Writer.all[0].arguments(report), unprivileged: true)
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("cannot write \(report): the file is not writable"))
        #expect(try text(report) == "kept\n")
        #expect(status(report)?.st_uid == 0)
    }

    @Test("a link to a folder, and a loop of links, are refused with 73 before any work")
    func linkToFolderAndLoop() throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
        #expect(symlink("reports", folder + "/folder-link") == 0)
        let broken = TestSupport.fixture("hostile/truncated.xml")
        let toFolder = try run(["check", broken, "--framework", Writer.miniFramework, "--output", folder + "/folder-link"])
        #expect(toFolder.exitCode == 73, "73, not 65: the output is checked before the input is read")
        #expect(toFolder.standardError.contains("(a link to \(folder)/reports): it is a folder"))
        #expect(symlink("loop-b", folder + "/loop-a") == 0 && symlink("loop-a", folder + "/loop-b") == 0)
        let loop = try run(["batch", broken, "--framework", Writer.miniFramework, "--csv", folder + "/loop-a"])
        #expect(loop.exitCode == 73)
        #expect(loop.standardError.contains("cannot write \(folder)/loop-a: too many levels of symbolic links"))
    }
}
