import Foundation
import RespectModel

/// Where reports go: standard output, or a file replaced atomically so an interrupted run
/// never leaves a half-written report.
enum OutputDestination {
    static var standardOutputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Fails early, before any work, when the report could not be written: the output file's
    /// folder does not exist, is not a folder or is not writable, the path is itself a folder,
    /// or the path is one of `inputs` (writing the report would destroy that input).
    static func checkWritable(_ path: String?, inputs: [String] = []) throws {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(description: "cannot write \(path): it is a folder; expected a file name for the report", exitCode: RespectExit.cannotCreate)
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw CommandFailure(description: "cannot write \(path): the folder \(folder) does not exist", exitCode: RespectExit.cannotCreate)
        }
        guard isDirectory.boolValue else {
            throw CommandFailure(description: "cannot write \(path): \(folder) is not a folder", exitCode: RespectExit.cannotCreate)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CommandFailure(description: "cannot write \(path): the folder \(folder) is not writable", exitCode: RespectExit.cannotCreate)
        }
        if let input = inputs.first(where: { isSameFile($0, path) }) {
            throw CommandFailure(description: "cannot write the report to \(path): it is the input file \(input); choose another file name",
                                 exitCode: RespectExit.cannotCreate)
        }
    }

    /// True when both paths exist and name the same file (links included).
    private static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            // .atomic writes a temporary file beside the target, then renames it into place.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(path): \(error.localizedDescription)", exitCode: RespectExit.cannotCreate)
        }
    }
}

extension CalendarDate {
    /// Today's date in the local time zone.
    static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? .minimum
    }
}
