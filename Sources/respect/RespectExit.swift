import ArgumentParser
import Foundation
import RespectModel

/// The documented exit codes (sysexits for usage, data and input problems).
enum RespectExit {
    static let success = ExitCode(0)
    static let workingTowards = ExitCode(10)
    static let notYet = ExitCode(20)
    /// `tender`: no bid is compliant.
    static let noCompliantBid = ExitCode(30)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)

    static func forVerdict(_ verdict: Verdict) -> ExitCode {
        switch verdict {
        case .achieved: success
        case .workingTowards: workingTowards
        case .notYet: notYet
        }
    }

    static func forLoadError(_ error: DocumentLoadError) -> ExitCode {
        error.isMissingInput ? noInput : dataError
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
