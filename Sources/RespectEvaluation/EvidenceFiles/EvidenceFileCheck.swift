/// Why a declared evidence file could not be confirmed under the evidence root.
public enum EvidenceFileProblem: Error, Sendable, Hashable {
    /// No file at the declared path.
    case missing
    /// The path leaves the evidence root: absolute, through `..`, or through a link.
    case outsideRoot
    /// Something else than a regular file is there (a folder, a device…).
    case notARegularFile
    /// The file is there but cannot be read.
    case unreadable
    /// The file is there, but its SHA-256 is not the one declared.
    case different(actualSHA256: String)

    /// The stable code in JSON: `missing`, `outside-root`, `not-a-file`, `unreadable`, `different`.
    public var code: String {
        switch self {
        case .missing: "missing"
        case .outsideRoot: "outside-root"
        case .notARegularFile: "not-a-file"
        case .unreadable: "unreadable"
        case .different: "different"
        }
    }

    /// The SHA-256 of the file found, when it is a different one.
    public var actualSHA256: String? {
        if case .different(let actual) = self { return actual }
        return nil
    }

    /// The problem a code and digest name (the inverse of `code` and `actualSHA256`).
    public init?(code: String, actualSHA256: String?) {
        switch code {
        case "missing": self = .missing
        case "outside-root": self = .outsideRoot
        case "not-a-file": self = .notARegularFile
        case "unreadable": self = .unreadable
        case "different": self = .different(actualSHA256: actualSHA256 ?? "")
        default: return nil
        }
    }
}

/// What checking one item's declared file found: confirmed (`problem` nil) or why not.
public struct EvidenceFileCheck: Sendable, Hashable {
    public var evidenceID: String
    /// The path as the submission declares it, relative to the evidence root.
    public var path: String
    public var declaredSHA256: String
    public var problem: EvidenceFileProblem?

    public init(evidenceID: String, path: String, declaredSHA256: String, problem: EvidenceFileProblem?) {
        self.evidenceID = evidenceID
        self.path = path
        self.declaredSHA256 = declaredSHA256
        self.problem = problem
    }
}

/// Every declared evidence file of a submission checked under one evidence root: what the
/// evaluator needs to leave out the items whose file is missing or different.
public struct EvidenceFileChecks: Sendable, Hashable {
    /// The evidence root, as given.
    public var root: String
    /// One per item that declares a file, in the submission's order.
    public var checks: [EvidenceFileCheck]

    public init(root: String, checks: [EvidenceFileCheck]) {
        self.root = root
        self.checks = checks
    }

    /// The checks that failed.
    public var unconfirmed: [EvidenceFileCheck] { checks.filter { $0.problem != nil } }

    /// The figures a result records.
    public var summary: EvidenceFileSummary {
        EvidenceFileSummary(root: root, declared: checks.count, confirmed: checks.count - unconfirmed.count)
    }
}

/// How many declared evidence files were confirmed under the evidence root, for a result.
public struct EvidenceFileSummary: Sendable, Hashable, Codable {
    public var root: String
    /// Items that declare a file.
    public var declared: Int
    /// Of those, the files found under the root with the declared SHA-256.
    public var confirmed: Int

    public init(root: String, declared: Int, confirmed: Int) {
        self.root = root
        self.declared = declared
        self.confirmed = confirmed
    }
}
