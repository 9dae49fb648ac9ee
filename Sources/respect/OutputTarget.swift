import RespectCommandSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path names, found before anything is written: symbolic links are followed
/// to their final target (a dangling link to the path it points to), and that target decides
/// how the output is written.
///
/// - A regular file, or nothing yet: replaced atomically (a temporary file in the target's
///   folder, renamed over it), keeping an existing file's permission bits and, where allowed,
///   its owner. The link, if any, stays and names the new file.
/// - A character device, FIFO or socket: written directly, never replaced.
/// - A folder or a block device: refused.
struct OutputTarget {
    /// How the output reaches the target.
    enum Kind: Equatable {
        /// A regular file, or nothing yet: replaced atomically.
        case file
        /// A character device or a FIFO: opened and written in place.
        case device
        /// A Unix socket: connected to and written in place.
        case socket
    }

    /// The path as given.
    let path: String
    /// The final target after following every link; `path` itself when it is not a link.
    let resolved: String
    let kind: Kind
    /// `resolved`'s status, `nil` when nothing is there yet.
    let status: stat?

    /// Links followed at most, as the kernel does (`ELOOP` past it).
    static let maximumLinks = 40

    /// Resolves `path`; throws (exit code 73) for a loop of links, a folder, a block device or a
    /// target that cannot be examined.
    init(_ path: String) throws(CommandFailure) {
        self.path = path
        var current = path
        for _ in 0...Self.maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let error = errno
                // Nothing there yet (or a file where its folder should be): the folder checks say why.
                guard error == ENOENT || error == ENOTDIR else { throw Self.failure(path, current, String(cString: strerror(error))) }
                resolved = current
                kind = .file
                status = nil
                return
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                current = try Self.linkTarget(of: current, for: path)
                continue
            case S_IFREG: kind = .file
            case S_IFCHR, S_IFIFO: kind = .device
            case S_IFSOCK: kind = .socket
            case S_IFDIR: throw Self.failure(path, current, "it is a folder; expected a file name for the report")
            case S_IFBLK: throw Self.failure(path, current, "it is a block device; expected a file name for the report")
            default: throw Self.failure(path, current, "it is not a file, device, FIFO or socket")
            }
            resolved = current
            status = info
            return
        }
        throw Self.failure(path, path, "too many levels of symbolic links")
    }

    /// The folder the target is (or will be) in.
    var folder: String {
        let folder = (resolved as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The checks that can be made before any work: a file's folder exists, is a folder and is
    /// writable, and an existing file is writable; a device, FIFO or socket is writable.
    func checkWritable() throws(CommandFailure) {
        guard kind == .file else {
            guard access(resolved, W_OK) == 0 else { throw Self.failure(path, resolved, "it is not writable") }
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw Self.failure(path, resolved, "the folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw Self.failure(path, resolved, "\(folder) is not a folder") }
        guard access(folder, W_OK) == 0 else { throw Self.failure(path, resolved, "the folder \(folder) is not writable") }
        if status != nil, access(resolved, W_OK) != 0 {
            throw Self.failure(path, resolved, "the file is not writable")
        }
    }

    /// "cannot write PATH: REASON", naming the link's target when it is not PATH itself.
    static func failure(_ path: String, _ target: String, _ reason: String) -> CommandFailure {
        let name = target == path ? path : "\(path) (a link to \(target))"
        return CommandFailure(description: "cannot write \(name): \(reason)", exitCode: RespectExit.cannotCreate)
    }

    /// Where the link at `link` points, relative targets taken from the link's folder.
    private static func linkTarget(of link: String, for path: String) throws(CommandFailure) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw failure(path, link, String(cString: strerror(errno))) }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard !target.hasPrefix("/") else { return target }
        let folder = (link as NSString).deletingLastPathComponent
        return folder.isEmpty ? target : folder + "/" + target
    }
}
