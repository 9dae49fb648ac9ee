public import ArgumentParser
import Foundation
public import RespectAssessment
public import RespectModel

/// The documented exit codes (`ExitStatus` in the core), as argument-parser exit codes.
public enum RespectExit {
    public static let success = ExitCode(ExitStatus.success)
    /// `tender`: no bid is compliant.
    public static let noCompliantBid = ExitCode(ExitStatus.noCompliantBid)
    public static let usage = ExitCode(ExitStatus.code(for: .usage))
    public static let dataError = ExitCode(ExitStatus.code(for: .badData))
    public static let noInput = ExitCode(ExitStatus.code(for: .missingInput))
    public static let software = ExitCode(ExitStatus.code(for: .internalError))
    public static let cannotCreate = ExitCode(ExitStatus.code(for: .cannotWrite))

    public static func forVerdict(_ verdict: Verdict) -> ExitCode {
        ExitCode(ExitStatus.code(for: verdict))
    }

    public static func forKind(_ kind: FailureKind) -> ExitCode {
        ExitCode(ExitStatus.code(for: kind))
    }

    /// Reports `error` on standard error the way every command does, and returns the exit code
    /// it means. An `ExitCode` passes through untouched.
    public static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let code as ExitCode:
            return code
        case let failure as AssessmentFailure:
            printError(failure.description)
            return forKind(failure.kind)
        case let error as AssessmentError:
            printError(error.description)
            return forKind(error.kind)
        case let error as DocumentLoadError:
            printError(error.description)
            return forKind(AssessmentError.load(error).kind)
        case let failure as CommandFailure:
            printError("respect: " + failure.description)
            return failure.exitCode
        default:
            printError("respect: \(error)")
            return software
        }
    }
}

/// Writes a diagnostic line to standard error.
public func printError(_ message: String) {
    writeToStandardError(message.hasSuffix("\n") ? message : message + "\n")
}

/// Writes `text` to standard error, as far as it will go: a standard error that cannot take it
/// (on a full disk, for one) loses the text but does not end the program, so its exit code still
/// says what happened. (`FileHandle.write` traps on a failed write.)
public func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, start + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// A problem the CLI reports itself, with the exit code it implies.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
    public var exitCode: ExitCode

    public init(description: String, exitCode: ExitCode) {
        self.description = description
        self.exitCode = exitCode
    }
}
