import Foundation
import RespectTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `respect serve` on a data folder it cannot write: it says so in one line that names the
/// folder and exits 73, without a stack trace and without serving.
@Suite("A data folder that cannot be written", .timeLimit(.minutes(5)))
struct DataFolderFaultTests {
    /// How a child runs as a user without root's power to write anywhere (root ignores
    /// permissions): `setpriv` to nobody when the tests run as root.
    static var unprivileged: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    }

    /// Whether this machine lets the tests mount a small private file system (root, and
    /// mount namespaces allowed), which is how a full disk is made.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func expectClearRefusal(_ result: (status: Int32, output: String), naming folder: String, _ words: [String]) {
        #expect(result.status == 73, "exit \(result.status): \(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("respect: ") == true, "one line: \(result.output)")
        #expect(result.output.contains(folder))
        #expect(words.contains { result.output.localizedCaseInsensitiveContains($0) }, "says why: \(result.output)")
        for trace in ["Fatal error", "Stack dump", "backtrace", "#0 "] {
            #expect(!result.output.contains(trace), "no stack trace: \(result.output)")
        }
    }

    @Test("a read-only data folder: exit 73 and a clear error, not a stack trace")
    func readOnlyFolder() async throws {
        let parent = try TestSupport.temporaryFolder()
        chmod(parent, 0o755)
        let folder = parent + "/respect-data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o555])
        let result = try await ServeProcess.refusal(["--data", folder], wrapper: Self.unprivileged)
        Self.expectClearRefusal(result, naming: folder, ["not writable", "read-only", "readonly", "permission"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/respect.sqlite"))
    }

    @Test("a data folder that cannot be created (its parent is read-only): exit 73 and a clear error")
    func folderCannotBeCreated() async throws {
        let parent = try TestSupport.temporaryFolder() + "/locked"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o555])
        chmod((parent as NSString).deletingLastPathComponent, 0o755)
        let folder = parent + "/respect-data"
        let result = try await ServeProcess.refusal(["--data", folder], wrapper: Self.unprivileged)
        Self.expectClearRefusal(result, naming: folder, ["cannot create", "permission"])
    }

    @Test("a full data folder: exit 73 and a clear error", .enabled(if: canMount, "needs root and mount namespaces to make a full disk"))
    func fullFolder() async throws {
        let mountPoint = try TestSupport.temporaryFolder()
        let folder = mountPoint + "/respect-data"
        // In a private mount namespace: a 256 KiB file system, its data folder made, then filled.
        let script = """
            mount -t tmpfs -o size=256k tmpfs "$1" && mkdir "$1/respect-data" \
            && { dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null; true; } && shift && exec "$@"
            """
        let result = try await ServeProcess.refusal(["--data", folder], wrapper: ["/usr/bin/unshare", "--mount", "sh", "-c", script, "sh", mountPoint])
        Self.expectClearRefusal(result, naming: folder, ["full", "space"])
    }
}
