import Foundation
import RespectModel

/// Where reports go: standard output, or a file replaced atomically so an interrupted run
/// never leaves a half-written report.
enum OutputDestination {
    static var standardOutputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Fails early, before any work, when the output file's folder does not exist or is not writable.
    static func checkWritable(_ path: String?) throws {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(description: "cannot write \(path): the folder \(folder) does not exist", exitCode: RespectExit.cannotCreate)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CommandFailure(description: "cannot write \(path): the folder \(folder) is not writable", exitCode: RespectExit.cannotCreate)
        }
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
