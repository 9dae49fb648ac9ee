public import RespectEvaluation
public import RespectModel
public import RespectXML

/// Why a use case could not give a result: every error the engine's layers raise, in one type
/// that front ends turn into an exit code or an HTTP status through `kind` alone.
/// `description` is what a user reads: each problem with its file, line and what was expected.
public enum AssessmentError: Error, Sendable, CustomStringConvertible {
    /// A file could not be read, parsed, validated or built, or an edition is not installed.
    case load(DocumentLoadError)
    /// The submission uses vocabulary the framework edition does not define.
    case submissionMismatch(SubmissionMismatch)
    /// A crosswalk does not fit the two frameworks it maps between.
    case crosswalkMismatch(CrosswalkMismatch)
    /// A tender does not fit an edition it accepts.
    case tenderMismatch(TenderMismatch)
    /// Nothing to work on (e.g. a folder without any `*.xml` file), with the reason.
    case noInput(String)
    /// A service type or risk level asked for that the edition does not define.
    case invalidChoice(InvalidChoice)
    /// An evidence register that cannot become a submission, with every problem.
    case register(RegisterError)

    public var kind: FailureKind {
        switch self {
        case .load(let error): error.isMissingInput ? .missingInput : .badData
        case .submissionMismatch, .crosswalkMismatch, .tenderMismatch: .badData
        case .noInput: .missingInput
        case .invalidChoice: .usage
        case .register: .badData
        }
    }

    /// The located problems behind the error.
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .load(let error): error.diagnostics
        case .submissionMismatch(let error): error.problems
        case .crosswalkMismatch(let error): error.problems
        case .tenderMismatch(let error): error.problems
        case .noInput(let reason): [XMLDiagnostic(location: SourceLocation(file: "", line: 0), message: reason)]
        case .invalidChoice(let choice): [XMLDiagnostic(location: SourceLocation(file: "", line: 0), message: choice.description)]
        case .register(let error):
            error.problems.map { problem in
                XMLDiagnostic(location: SourceLocation(file: problem.location.file, line: 0),
                              message: problem.description.dropFirst(problem.location.file.count).drop { $0 == " " || $0 == ":" }.description)
            }
        }
    }

    public var description: String {
        switch self {
        case .load(let error): error.description
        case .submissionMismatch(let error): error.description
        case .crosswalkMismatch(let error): error.description
        case .tenderMismatch(let error): "\(error.file): the tender does not fit an accepted framework edition:\n" + error.description
        case .noInput(let reason): reason
        case .invalidChoice(let choice): choice.description
        case .register(let error): error.description
        }
    }
}

/// What kind of failure an error is, the same for every front end: the command line maps it to
/// an exit code (`ExitStatus`), the server to an HTTP status.
public enum FailureKind: Sendable, Hashable {
    /// A file is not well formed, not valid, or inconsistent (sysexits EX_DATAERR).
    case badData
    /// A file, folder or framework edition is not there (EX_NOINPUT).
    case missingInput
    /// An output could not be written, or a run could not be recorded (EX_CANTCREAT).
    case cannotWrite
    /// A bad option or argument (EX_USAGE).
    case usage
    /// A bug (EX_SOFTWARE).
    case internalError
}

/// The documented exit codes of `respect`, in one place.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let workingTowards: Int32 = 10
    public static let notYet: Int32 = 20
    /// `tender`: no bid is compliant.
    public static let noCompliantBid: Int32 = 30

    /// The exit code of `check` for a verdict.
    public static func code(for verdict: Verdict) -> Int32 {
        switch verdict {
        case .achieved: success
        case .workingTowards: workingTowards
        case .notYet: notYet
        }
    }

    /// The sysexits code of a failure.
    public static func code(for kind: FailureKind) -> Int32 {
        switch kind {
        case .usage: 64
        case .badData: 65
        case .missingInput: 66
        case .internalError: 70
        case .cannotWrite: 73
        }
    }
}
