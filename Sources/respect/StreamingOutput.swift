import RespectCommandSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output written piece by piece (a batch's rows, or a whole report at once): the one way
/// the commands write files. `-` means standard output.
///
/// Where it goes is found by `OutputTarget`: symbolic links are followed to their target. A
/// regular file (or a new one) is written to a temporary file in the target's folder and
/// renamed over the target by `commit()`, so an interrupted or failed run never leaves a
/// half-written file, and the target keeps its permission bits (and its owner, where the
/// process may set it). A character device, FIFO or socket is written directly: what was
/// written before a failure has been delivered, and nothing is ever replaced.
final class StreamingOutput {
    let path: String
    private let descriptor: Int32
    private let isStandardOutput: Bool
    /// The temporary file and the target it replaces; `nil` when written directly.
    private let replacing: (temporary: String, target: OutputTarget)?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Checks the target (see `OutputTarget.checkWritable`) and opens the temporary file, the
    /// device, FIFO or socket, or standard output for `-`. Opening a FIFO waits for a reader.
    init(path: String) throws {
        self.path = path
        isStandardOutput = path == "-"
        if isStandardOutput {
            descriptor = STDOUT_FILENO
            replacing = nil
            return
        }
        let target = try OutputTarget(path)
        try target.checkWritable()
        switch target.kind {
        case .device:
            descriptor = open(target.resolved, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw OutputTarget.failure(path, target.resolved, String(cString: strerror(errno))) }
            replacing = nil
        case .socket:
            descriptor = try UnixSocket.connect(to: target.resolved, for: path)
            replacing = nil
        case .file:
            let name = "." + (target.resolved as NSString).lastPathComponent
                + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let temporary = (target.folder as NSString).appendingPathComponent(name)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw OutputTarget.failure(path, target.resolved,
                                           "cannot create a temporary file in \(target.folder): \(String(cString: strerror(errno)))")
            }
            replacing = (temporary, target)
        }
    }

    deinit {
        if !finished { abort() }
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered and finishes: the temporary file, synced and given the
    /// target's mode and owner, is renamed over the target; a device, FIFO or socket is closed.
    func commit() throws {
        try flush()
        finished = true
        if isStandardOutput { return }
        guard let (temporary, target) = replacing else {
            guard close(descriptor) == 0 else { throw failure(errno) }
            return
        }
        var failed: CommandFailure?
        do throws(CommandFailure) {
            try keepModeAndOwner(of: target)
            guard fsync(descriptor) == 0 else { throw failure(errno) }
        } catch {
            failed = error
        }
        if close(descriptor) != 0, failed == nil { failed = failure(errno) }
        if failed == nil, rename(temporary, target.resolved) != 0 { failed = failure(errno) }
        if let failed {
            unlink(temporary)
            throw failed
        }
    }

    /// Throws the temporary file away; a device, FIFO or socket is closed (what was written has
    /// been delivered); standard output is left as it is.
    func abort() {
        guard !finished else { return }
        finished = true
        if isStandardOutput { return }
        close(descriptor)
        if let (temporary, _) = replacing { unlink(temporary) }
    }

    /// Gives the temporary file the permission bits and owner of the file it will replace, as
    /// that file is now (it may have changed since the run began); refuses if the target is no
    /// longer a regular file. A new file keeps the mode it was created with (0666 less the umask).
    private func keepModeAndOwner(of target: OutputTarget) throws(CommandFailure) {
        var info = stat()
        guard lstat(target.resolved, &info) == 0 else {
            guard errno == ENOENT else { throw failure(errno) }
            return
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw OutputTarget.failure(path, target.resolved, "it is no longer a regular file; the report was not written")
        }
        // The owner first: changing it may clear set-user-id bits that the mode then restores.
        // Only a privileged process may give a file away; others keep their own ownership.
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw failure(errno) }
    }

    private func flush() throws(CommandFailure) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { writeBytes(descriptor, $0) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ error: Int32) -> CommandFailure {
        CommandFailure(description: "cannot write \(isStandardOutput ? "standard output" : path): \(String(cString: strerror(error)))",
                       exitCode: RespectExit.cannotCreate)
    }
}

/// `write(2)`, out of the reach of `StreamingOutput.write(_:)`.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(descriptor, bytes.baseAddress, bytes.count)
}
