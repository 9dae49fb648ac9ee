import Crypto
import Foundation
public import RespectEvaluation
public import RespectModel

/// Confirms a submission's declared evidence files under an evidence root: each file must be
/// there, reached without leaving the root (no absolute path, no `..`, no link leading out),
/// be a regular file, and have the SHA-256 the submission declares. The files are read, never
/// changed; each one is hashed once however many items name it.
public struct EvidenceFileChecker: Sendable {
    /// The root as given (recorded in results).
    public let root: String
    /// The root with every link resolved.
    let resolvedRoot: String

    /// - Throws: `.noInput` when `root` is not a folder.
    public init(root: String) throws(AssessmentError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              let resolved = Self.realPath(root) else {
            throw .noInput("\(root): the evidence root is not a folder; expected the folder the submission's file paths start from")
        }
        self.root = root
        resolvedRoot = resolved
    }

    /// Every item of `submission` that declares a file, checked.
    public func check(_ submission: Submission) -> EvidenceFileChecks {
        var digests: [String: Result<String, EvidenceFileProblem>] = [:]
        let checks = submission.evidence.compactMap { item -> EvidenceFileCheck? in
            guard let file = item.file else { return nil }
            let problem: EvidenceFileProblem?
            switch locate(file.path) {
            case .failure(let failure):
                problem = failure
            case .success(let resolved):
                let digest = digests[resolved] ?? Self.sha256(ofFileAt: resolved)
                digests[resolved] = digest
                switch digest {
                case .failure(let failure): problem = failure
                case .success(let actual): problem = actual == file.sha256.lowercased() ? nil : .different(actualSHA256: actual)
                }
            }
            return EvidenceFileCheck(evidenceID: item.id, path: file.path, declaredSHA256: file.sha256, problem: problem)
        }
        return EvidenceFileChecks(root: root, checks: checks)
    }

    /// The declared path resolved inside the root, or why it cannot be.
    func locate(_ path: String) -> Result<String, EvidenceFileProblem> {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !components.contains(".."), !components.isEmpty else { return .failure(.outsideRoot) }
        let joined = resolvedRoot + "/" + components.joined(separator: "/")
        var info = stat()
        guard lstat(joined, &info) == 0 else { return .failure(errno == EACCES ? .unreadable : .missing) }
        guard let resolved = Self.realPath(joined) else { return .failure(.missing) }
        guard resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") else { return .failure(.outsideRoot) }
        guard stat(resolved, &info) == 0 else { return .failure(.missing) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        return .success(resolved)
    }

    /// `path` with every link resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The lowercase hexadecimal SHA-256 of a regular file, read in 1 MiB pieces (evidence can
    /// be large), or why it cannot be read.
    static func sha256(ofFileAt path: String) -> Result<String, EvidenceFileProblem> {
        // O_NOFOLLOW: the path is resolved; a link put there since is not followed.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            hasher.update(data: buffer[0..<count])
        }
        return .success(hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined())
    }
}
