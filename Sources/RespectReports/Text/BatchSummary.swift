public import RespectAssessment
public import RespectModel
import Foundation

/// The summary a person reads at the end of a batch.
public struct BatchSummary: Sendable {
    public var tally: BatchTally
    /// Wall-clock time of the whole run.
    public var seconds: Double
    /// How many submissions were scored at once.
    public var jobs: Int
    /// The findings files given (`--findings`), by path; empty when none.
    public var findingsFiles: [String]

    public init(tally: BatchTally, seconds: Double, jobs: Int, findingsFiles: [String] = []) {
        self.tally = tally
        self.seconds = seconds
        self.jobs = jobs
        self.findingsFiles = findingsFiles
    }

    /// What the findings did, and which files were skipped: lines after the counts.
    var notes: [String] {
        var lines: [String] = []
        if !findingsFiles.isEmpty {
            let matched = findingsFiles.filter(tally.findingsFilesMatched.contains).count
            let applied = tally.findingsApplied
            lines.append("Findings: \(applied) applied to \(tally.submissionsWithFindings) submission\(tally.submissionsWithFindings == 1 ? "" : "s"); "
                         + "\(matched) of \(findingsFiles.count) findings file\(findingsFiles.count == 1 ? "" : "s") concerned a submission in this round"
                         + (matched < findingsFiles.count ? " (the others are listed on standard error)" : "") + ".")
        }
        if tally.skippedCount > 0 {
            lines.append("Skipped \(tally.skippedCount) file\(tally.skippedCount == 1 ? "" : "s") that \(tally.skippedCount == 1 ? "is" : "are") not a submission (not counted as failed):")
            for skipped in tally.skipped { lines.append("  \(skipped.file): \(skippedNote(skipped.kind, file: skipped.file))") }
            if tally.skippedCount > tally.skipped.count { lines.append("  … and \(tally.skippedCount - tally.skipped.count) more") }
        }
        return lines
    }

    /// Why a findings or tender file among the submissions was skipped, and what to do with it.
    public func skippedNote(_ kind: DocumentKind, file: String) -> String {
        let standardised = Set(findingsFiles.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        return switch kind {
        case .findings where standardised.contains(URL(fileURLWithPath: file).standardizedFileURL.path):
            "an assessor's findings file, applied through --findings"
        case .findings: "an assessor's findings file; apply it with --findings FILE|DIR"
        case .tender: "a tender file; compare bids against it with respect tender"
        default: "a \(kind.rawValue) file, not a submission"
        }
    }

    public var text: String {
        let rate = seconds > 0 ? Double(tally.files) / seconds : 0
        var lines = ["Scored \(tally.scored) of \(tally.files) submission\(tally.files == 1 ? "" : "s") in \(Self.fixed(seconds, 2)) s "
                     + "(\(Self.fixed(rate, 0)) files/s, \(jobs) at a time)."]
        let width = BatchOutcome.allCases.map(\.label.count).max() ?? 0
        func line(_ label: String, _ count: Int, _ note: String = "", indent: Int = 2) -> String {
            String(repeating: " ", count: indent) + label
                + String(repeating: " ", count: max(1, width + 6 - indent - label.count)) + String(count) + note
        }
        lines.append(line(BatchOutcome.achieved.label, tally.count(.achieved)))
        lines.append(line(BatchOutcome.workingTowards.label, tally.count(.workingTowards)))
        let unsafe = tally.withSafetyCriticalFailures
        lines.append(line(BatchOutcome.notYet.label, tally.count(.notYet),
                          unsafe > 0 ? "  (\(unsafe) with a safety-critical failure)" : ""))
        if tally.failed > 0 {
            lines.append(line("could not be scored", tally.failed))
            for outcome in BatchOutcome.allCases where !outcome.isScored && tally.count(outcome) > 0 {
                lines.append(line(outcome.label, tally.count(outcome), indent: 4))
            }
            lines.append("")
            lines.append("Could not be scored:")
            for failure in tally.failures {
                lines.append("  \(failure.file) (\(failure.outcome.label)): \(failure.error)")
            }
            if tally.failed > tally.failures.count {
                lines.append("  … and \(tally.failed - tally.failures.count) more (every one is listed on standard error and in --csv/--jsonl)")
            }
        }
        let notes = self.notes
        if !notes.isEmpty { lines += [""] + notes }
        lines.append("")
        lines.append("Verdicts are advisory. " + EnglishWording.whereVerdictWordsComeFrom)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` with `digits` decimals (no locale, no exponent).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let whole = scaled / Int(scale), fraction = String(abs(scaled) % Int(scale))
        return "\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
