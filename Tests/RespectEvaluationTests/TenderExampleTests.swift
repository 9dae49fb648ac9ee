import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// The tender example (`examples/tender/`) through the command line, as a commissioner runs it.
@Suite("Tender example")
struct TenderExampleTests {
    private static let arguments = ["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids"]

    private func result() throws -> TenderResult {
        let run = try CommandLineRunner.run(Self.arguments + ["--format", "json"])
        #expect(run.exitCode == 0, "at least one bid is compliant")
        return try JSONDecoder().decode(TenderResult.self, from: Data(run.standardOutput.utf8))
    }

    private func bid(_ result: TenderResult, _ file: String) throws -> TenderBidResult {
        try #require(result.bids.first { $0.file.hasSuffix(file) })
    }

    @Test("the five example bids get their documented verdicts")
    func verdicts() throws {
        let result = try result()
        #expect(result.bids.count == 5)
        #expect(result.compliantCount == 2)

        let achieved = try bid(result, "a-northgate-achieved.xml")
        #expect(achieved.compliant && achieved.rank == 1 && achieved.outcome == .achieved)

        let towards = try bid(result, "c-brookfield-working-towards.xml")
        #expect(towards.compliant && towards.rank == 2 && towards.outcome == .workingTowards)

        let short = try bid(result, "b-harrowby-24-weeks.xml")
        #expect(!short.compliant && !short.unsafe)
        #expect(short.reasonKinds == [.thresholdFailed], "not compliant for the tender-only reason alone")

        let unsafe = try bid(result, "d-eastfield-unsafe.xml")
        #expect(unsafe.unsafe && !unsafe.compliant && unsafe.rank == nil)
        #expect(unsafe.safetyCriticalFailures.map(\.id).contains("iss-in-place-for-every-intervention"))
        #expect(result.unsafeBids == [unsafe.file])

        let late = try bid(result, "e-calderbank-late-action.xml")
        #expect(!late.compliant && late.reasonKinds == [.actionDueAfterContractStart])
    }

    @Test("the not-compliant bid names the failing requirement with both figures")
    func bothFigures() throws {
        let reason = try #require(try bid(try result(), "b-harrowby-24-weeks.xml").reason(.thresholdFailed))
        guard case .thresholdFailed(let failure) = reason.cause else { Issue.record("not a threshold reason"); return }
        #expect(failure.stated == StatedValue(value: .number(ExactDecimal(24)), unit: "weeks"))
        #expect(failure.threshold == FactThreshold(factID: "programme-duration-weeks", comparison: .ge, value: .number(ExactDecimal(26)), unit: "weeks"))
        #expect(failure.frameworkThresholds.map(\.value) == [.number(ExactDecimal(22))])
        #expect(reason.clause == "4.2")
    }

    @Test("text: unsafe bids first, then the comparison table, then each bid, then the clauses")
    func textOrder() throws {
        let run = try CommandLineRunner.run(Self.arguments)
        #expect(run.exitCode == 0)
        let text = run.standardOutput
        let positions = ["UNSAFE BIDS", "COMPARISON", "BIDS\n", "CLAUSES CITED", "This comparison is advisory"].map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(text.contains("programme-duration-weeks is 24 weeks; the tender requires ≥ 26 weeks"))
        #expect(text.contains("“The behaviour-change programme must run for no fewer than 26 weeks for each participant.”"))
    }

    @Test("CSV: a header and one row per bid, compliant ones first by rank")
    func csv() throws {
        let run = try CommandLineRunner.run(Self.arguments + ["--format", "csv"])
        #expect(run.exitCode == 0)
        let lines = run.standardOutput.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 6)
        #expect(lines.first == "rank,provider,file,compliant,unsafe,outcome,mandatory met,mandatory applicable,score,reasons")
        #expect(lines[1].hasPrefix("1,Northgate Change Partnership,"))
        #expect(lines[2].hasPrefix("2,Brookfield Safer Relationships,"))
        #expect(lines.contains { $0.contains("Eastfield") && $0.contains(",no,yes,not-yet,") })
    }

    @Test("JSON is byte-identical from run to run")
    func deterministic() throws {
        let first = try CommandLineRunner.run(Self.arguments + ["--format", "json"])
        let second = try CommandLineRunner.run(Self.arguments + ["--format", "json"])
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    @Test("no compliant bid: exit 30; an unreadable bid is reported, located, and the rest still checked")
    func exitCodes() throws {
        let unsafeOnly = try CommandLineRunner.run(["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids/d-eastfield-unsafe.xml"])
        #expect(unsafeOnly.exitCode == 30)

        let broken = TestSupport.temporaryFile("<submission xmlns=\"urn:respect-engine:submission:v1\">\n<provider", name: "broken-bid.xml")
        let mixed = try CommandLineRunner.run(["tender", "examples/tender/tender-lot1.xml", broken, "examples/tender/bids/a-northgate-achieved.xml"])
        #expect(mixed.exitCode == 0)
        #expect(mixed.standardError.contains("broken-bid.xml:"))
        #expect(mixed.standardOutput.contains("(unreadable bid)"))
        #expect(mixed.standardOutput.contains("Northgate Change Partnership: COMPLIANT, rank 1"))
    }
}
