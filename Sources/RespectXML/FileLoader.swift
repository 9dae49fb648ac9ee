#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file safely: stat first, refuse anything but a regular file, check the
/// size before reading, and never read more than the limit plus one byte.
enum FileLoader {
    static func read(path: String, limits: XMLLimits) throws(XMLInputError) -> [UInt8] {
        let (descriptor, size) = try openChecked(path: path, limits: limits)
        defer { close(descriptor) }
        let bytes = try readBounded(descriptor, path: path, expected: size, limit: limits.maxFileBytes)
        if bytes.count > limits.maxFileBytes {
            throw .tooLarge(path: path, bytes: max(bytes.count, size), limit: limits.maxFileBytes)
        }
        if bytes.isEmpty { throw .empty(path: path) }
        return bytes
    }

    /// Opens a file for reading after the same checks as `read` (a regular file, before and
    /// after opening; not empty; within the size limit): its descriptor, which the caller
    /// closes, and its size when opened.
    static func openChecked(path: String, limits: XMLLimits) throws(XMLInputError) -> (descriptor: Int32, size: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path: path, code: errno) }
        if let kind = nonRegularKind(info.st_mode) { throw .notARegularFile(path: path, kind: kind) }
        let size = Int(info.st_size)
        if size > limits.maxFileBytes { throw .tooLarge(path: path, bytes: size, limit: limits.maxFileBytes) }
        if size == 0 { throw .empty(path: path) }

        // O_NONBLOCK: should the path be swapped for a FIFO after stat, open must not hang.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure(path: path, code: errno) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { let code = errno; close(descriptor); throw failure(path: path, code: code) }
        if let kind = nonRegularKind(opened.st_mode) { close(descriptor); throw .notARegularFile(path: path, kind: kind) }
        return (descriptor, Int(opened.st_size))
    }

    /// Reads until end of file or `limit + 1` bytes, whichever comes first.
    private static func readBounded(
        _ descriptor: Int32, path: String, expected: Int, limit: Int
    ) throws(XMLInputError) -> [UInt8] {
        let ceiling = limit + 1
        var buffer = [UInt8](repeating: 0, count: min(max(expected, 0) + 1, ceiling))
        var total = 0
        while total < ceiling {
            if total == buffer.count {  // the file grew while we read it
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, ceiling - buffer.count)))
            }
            let count = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + total, raw.count - total)
            }
            if count == 0 { break }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(path: path, reason: describe(code))
            }
            total += count
        }
        buffer.removeLast(buffer.count - total)
        return buffer
    }

    /// What a non-regular file is, in words; nil for a regular file.
    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    static func failure(path: String, code: Int32) -> XMLInputError {
        if code == ENOENT || code == ENOTDIR { return .fileNotFound(path: path) }
        return .unreadable(path: path, reason: describe(code))
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `read(2)`, named apart so a member called `read` (`FileLoader.read`, `XMLDocumentReader.read`)
/// does not shadow it.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
