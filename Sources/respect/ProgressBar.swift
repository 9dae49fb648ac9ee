import Foundation
import RespectCommandSupport

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (so logs and pipes stay quiet) and redrawn at most ten times a second.
final class ProgressBar {
    let total: Int
    let label: String
    let isEnabled: Bool
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var visible = false

    init(total: Int, label: String, enabled: Bool = ProgressBar.standardErrorIsTerminal) {
        self.total = total
        self.label = label
        self.isEnabled = enabled && total > 0
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Redraws the bar if a tenth of a second has passed (or the work is complete).
    func update(done: Int, failed: Int = 0) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
        lastDrawn = now
        let seconds = max(1e-3, (now - started).seconds)
        let rate = Double(done) / seconds
        let width = 30
        let filled = total == 0 ? width : min(width, done * width / total)
        var line = "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        line += "\(done)/\(total)  \(Int(rate.rounded())) files/s"
        if failed > 0 { line += "  \(failed) failed" }
        if done < total, rate > 0 { line += "  ETA \(Self.clock(Double(total - done) / rate))" }
        writeToStandardError(line + "\u{1B}[K")
        visible = true
    }

    /// Clears the bar's line, e.g. before printing a diagnostic or at the end.
    func clear() {
        guard visible else { return }
        writeToStandardError("\r\u{1B}[K")
        visible = false
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let secs = whole % 60
        return "\(whole / 60):\(secs < 10 ? "0" : "")\(secs)"
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
