import ArgumentParser
import Foundation
import RespectAssessment
import RespectModel

/// The documented exit codes (`ExitStatus` in the core), as argument-parser exit codes.
enum RespectExit {
    static let success = ExitCode(ExitStatus.success)
    /// `tender`: no bid is compliant.
    static let noCompliantBid = ExitCode(ExitStatus.noCompliantBid)
    static let usage = ExitCode(ExitStatus.code(for: .usage))
    static let dataError = ExitCode(ExitStatus.code(for: .badData))
    static let noInput = ExitCode(ExitStatus.code(for: .missingInput))
    static let software = ExitCode(ExitStatus.code(for: .internalError))
    static let cannotCreate = ExitCode(ExitStatus.code(for: .cannotWrite))

    static func forVerdict(_ verdict: Verdict) -> ExitCode {
        ExitCode(ExitStatus.code(for: verdict))
    }

    static func forKind(_ kind: FailureKind) -> ExitCode {
        ExitCode(ExitStatus.code(for: kind))
    }

    /// Reports `error` on standard error the way every command does, and returns the exit code
    /// it means. An `ExitCode` passes through untouched.
    static func report(_ error: any Error) -> ExitCode {
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
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// A problem the CLI reports itself, with the exit code it implies.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: ExitCode
}
