import RespectCommandSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RespectModel

/// Where reports go: standard output, or a file written through `StreamingOutput` (links
/// followed, a regular file replaced atomically, a device, FIFO or socket written directly).
enum OutputDestination {
    static var standardOutputIsTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessEnvironment.value("NO_COLOR") == nil
    }

    /// Fails early, before any work, when the report could not be written (see
    /// `OutputTarget.checkWritable`: a missing, non-folder or unwritable folder, a folder or
    /// block device as the target, a loop of links, an unwritable file, device or FIFO), or when
    /// the path is one of `inputs` (writing the report would destroy that input).
    static func checkWritable(_ path: String?, inputs: [String] = []) throws {
        guard let path else { return }
        try OutputTarget(path).checkWritable()
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

    /// Writes `text` to standard output (`path` nil) or, whole, to `path`.
    static func write(_ text: String, to path: String?) throws {
        let output = try StreamingOutput(path: path ?? "-")
        try output.write(text)
        try output.commit()
    }
}

extension CalendarDate {
    /// Today's date in the local time zone (the C library's clock and zone: Foundation's
    /// calendar loads ICU's calendar data first, about a millisecond of a short `respect check`).
    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return .minimum }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? .minimum
    }
}
