import Foundation

/// An output written piece by piece as a batch runs, and still atomic: it goes to a temporary
/// file beside the target, renamed into place by `commit()`, so an interrupted or failed run
/// never leaves a half-written file. `-` means standard output (written as it comes).
final class StreamingOutput {
    let path: String
    private let handle: FileHandle
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens the temporary file, or standard output for `-`.
    init(path: String) throws {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardOutput
            temporaryPath = nil
            return
        }
        try OutputDestination.checkWritable(path)
        let folder = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CommandFailure(description: "cannot write \(path): cannot create a temporary file in its folder",
                                 exitCode: RespectExit.cannotCreate)
        }
        self.handle = handle
        temporaryPath = temporary
    }

    deinit {
        if !finished { abort() }
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered and moves the file into place.
    func commit() throws {
        try flush()
        finished = true
        guard let temporaryPath else { return }
        do {
            try handle.close()
        } catch {
            throw failure(error)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CommandFailure(description: "cannot write \(path): \(reason)", exitCode: RespectExit.cannotCreate)
        }
    }

    /// Throws the temporary file away (standard output: nothing to undo).
    func abort() {
        finished = true
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw failure(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ error: any Error) -> CommandFailure {
        CommandFailure(description: "cannot write \(path): \(error.localizedDescription)", exitCode: RespectExit.cannotCreate)
    }
}
