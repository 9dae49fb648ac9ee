import Foundation
public import RespectModel

/// The assessor findings a run applies: the files named, and the findings files found in the
/// folders named. Each file is read once; its SHA-256 is kept for the results that list it.
public struct FindingsSet: Sendable {
    /// Files named one by one: each applies to every submission (a file about another
    /// submission is ignored with a warning when applied).
    public private(set) var named: [Findings] = []
    /// Files found in folders: each applies only to the submissions it concerns.
    public private(set) var inFolders: [Findings] = []
    /// SHA-256 of each file read, by path.
    private var digests: [String: String] = [:]

    /// No findings.
    public init() {}

    /// Findings already in hand (an assessor's findings kept by the service), applied to every
    /// submission they are used with, as files named one by one are.
    public init(named findings: [Findings]) {
        named = findings
    }

    /// Reads every findings file named in `paths`, and every findings file in the folders among
    /// them (other documents in a folder are skipped; a broken file stops the run).
    public init(paths: [String], loader: DocumentLoader) throws(DocumentLoadError) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .input(.fileNotFound(path: path))
            }
            guard isDirectory.boolValue else {
                let document = try InputDocument.read(path: path, reader: loader.reader)
                let loaded = try loader.load(bytes: document.bytes, sourceName: path)
                guard case .findings(let findings) = loaded else {
                    throw .wrongKind(path: path, expected: .findings, found: loaded.kind)
                }
                named.append(findings)
                digests[path] = document.sha256
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where name.hasSuffix(".xml") {
                let file = (path as NSString).appendingPathComponent(name)
                let document = try InputDocument.read(path: file, reader: loader.reader)
                if case .findings(let findings) = try loader.load(bytes: document.bytes, sourceName: file) {
                    inFolders.append(findings)
                    digests[file] = document.sha256
                }
            }
        }
    }

    public var isEmpty: Bool { named.isEmpty && inFolders.isEmpty }

    /// The findings to apply to a submission from `provider` whose file has digest `sha256`:
    /// every file named, and the files from folders that concern it.
    public func concerning(_ submission: Submission, sha256: String) -> [Findings] {
        named + inFolders.filter { $0.subject.matches(submission.provider, submissionSHA256: sha256) }
    }

    /// The input records (with SHA-256) of the files in `applied` that concern the submission.
    public func inputFiles(_ applied: [Findings], concerning submission: Submission, sha256: String) -> [InputFile] {
        applied.filter { $0.subject.matches(submission.provider, submissionSHA256: sha256) }
            .compactMap { findings in digests[findings.source].map { InputFile(role: "findings", path: findings.source, sha256: $0) } }
    }
}
