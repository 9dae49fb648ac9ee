import Foundation
import RespectTestSupport
import Testing

/// One pipeline: every example and a generated corpus — 2017 submissions, and 2012-era ones
/// carried over to 2017 — get the same outcome, the same counts and the same missing-evidence
/// list from `respect check`, `respect batch` and `respect tender` (a tender that changes
/// nothing: `Tests/Fixtures/equality/neutral-tender.xml`).
@Suite("check, batch and tender agree")
struct CheckBatchTenderEqualityTests {
    static let framework = "respect-standard@2017"
    static let asOf = "2026-10-01"

    /// What the three commands must agree on, for one file.
    struct Figures: Equatable, CustomStringConvertible {
        var verdict: String
        var mandatoryMet: Int
        var mandatoryApplicable: Int
        /// The missing-evidence list's indicators, most urgent first (safety-critical, then
        /// mandatory, then desirable; framework order within each), as a batch row lists them.
        var missing: [String]
        var safetyCriticalFailures: [String]

        var description: String {
            "\(verdict) \(mandatoryMet)/\(mandatoryApplicable), missing \(missing.count): \(missing.joined(separator: " ")); unsafe: \(safetyCriticalFailures)"
        }
    }

    /// A folder holding the examples, the example bids, 16 generated 2017 submissions and 8
    /// generated 2012-era ones.
    static func corpus() throws -> String {
        let folder = try TestSupport.temporaryFolder()
        let manager = FileManager.default
        var sources = ["submissions/achieved.xml", "submissions/working-towards.xml", "submissions/not-yet.xml", "submissions/2012-era.xml"]
            .map { TestSupport.examplesDirectory + "/" + $0 }
        sources += try manager.contentsOfDirectory(atPath: TestSupport.examplesDirectory + "/tender/bids").sorted()
            .map { TestSupport.examplesDirectory + "/tender/bids/" + $0 }
        for source in sources {
            try manager.copyItem(atPath: source, toPath: folder + "/example-" + (source as NSString).lastPathComponent)
        }
        for (count, seed, edition, name) in [("16", "21", "respect-standard@2017", "gen2017"), ("8", "22", "respect-standard@2012", "gen2012")] {
            let generated = try CommandLineRunner.run(["generate", "--count", count, "--seed", seed, "--framework", edition, folder + "/" + name])
            #expect(generated.exitCode == 0, "\(generated.standardError)")
        }
        return folder
    }

    static func files(in folder: String) throws -> [String] {
        let manager = FileManager.default
        return try manager.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
    }

    /// The figures of one result in `check --format json`'s shape (also a tender bid's `assessment`).
    static func figures(ofAssessment json: [String: Any]) throws -> Figures {
        let outcome = try #require(json["outcome"] as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        let groups = try #require(json["missingEvidence"] as? [[String: Any]])
        let items = groups.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
        func rank(_ item: [String: Any]) -> Int {
            (item["safetyCritical"] as? Bool) == true ? 0 : (item["level"] as? String) == "mandatory" ? 1 : 2
        }
        let ranked = items.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        let unsafe = (json["safetyCriticalFailures"] as? [[String: Any]]) ?? []
        return Figures(verdict: try #require(outcome["verdict"] as? String),
                       mandatoryMet: try #require(totals["mandatoryMet"] as? Int),
                       mandatoryApplicable: try #require(totals["mandatoryApplicable"] as? Int),
                       missing: ranked.compactMap { ($0.element["indicator"] as? [String: Any])?["id"] as? String },
                       safetyCriticalFailures: unsafe.compactMap { $0["id"] as? String })
    }

    /// The figures of one batch JSONL row.
    static func figures(ofRow row: [String: Any]) throws -> Figures {
        let missing = (row["missing"] as? [[String: Any]]) ?? []
        #expect(row["missingCount"] as? Int == missing.count)
        return Figures(verdict: try #require(row["outcome"] as? String),
                       mandatoryMet: try #require(row["mandatoryMet"] as? Int),
                       mandatoryApplicable: try #require(row["mandatoryApplicable"] as? Int),
                       missing: missing.compactMap { ($0["indicator"] as? [String: Any])?["id"] as? String },
                       safetyCriticalFailures: ((row["safetyCriticalFailures"] as? [String]) ?? []).compactMap { $0.split(separator: " ").last.map(String.init) })
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("every example and a generated corpus, older-edition files included, get the same outcome, counts and missing list from check, batch and tender")
    func sameFiguresEverywhere() throws {
        let folder = try Self.corpus()
        let files = try Self.files(in: folder)
        #expect(files.count == 4 + 5 + 16 + 8)

        var byCheck: [String: Figures] = [:]
        for file in files {
            let result = try CommandLineRunner.run(["check", file, "--framework", Self.framework, "--as-of", Self.asOf, "--format", "json"])
            #expect([0, 10, 20].contains(result.exitCode), "\(file): \(result.standardError)")
            byCheck[file] = try Self.figures(ofAssessment: try Self.object(result.standardOutput))
        }
        #expect(Set(byCheck.values.map(\.verdict)) == ["achieved", "working-towards", "not-yet"], "the corpus shows every outcome")

        let jsonl = folder + ".jsonl"
        let batch = try CommandLineRunner.run(["batch", folder, "--framework", Self.framework, "--as-of", Self.asOf, "--jsonl", jsonl])
        #expect(batch.exitCode == 0, "\(batch.standardError)")
        let rows = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").map { try Self.object(String($0)) }
        #expect(rows.count == files.count)
        for row in rows {
            let file = try #require(row["file"] as? String)
            #expect(try Self.figures(ofRow: row) == byCheck[file], "batch differs from check for \(file)")
        }

        let tender = try CommandLineRunner.run(["tender", TestSupport.fixture("equality/neutral-tender.xml"), folder, "--format", "json"])
        #expect([0, 30].contains(tender.exitCode), "\(tender.standardError)")
        let bids = try #require(try Self.object(tender.standardOutput)["bids"] as? [[String: Any]])
        #expect(bids.count == files.count)
        for bid in bids {
            let file = try #require(bid["file"] as? String)
            let assessment = try #require(bid["assessment"] as? [String: Any], "\(file) was not assessed")
            #expect(try Self.figures(ofAssessment: assessment) == byCheck[file], "tender differs from check for \(file)")
        }
    }

    @Test("a 2012-era submission is carried over to 2017 the same way by all three, with its migration checklist")
    func olderEditionCarriedOver() throws {
        let file = TestSupport.examplesDirectory + "/submissions/2012-era.xml"
        let check = try Self.object(try CommandLineRunner.run(["check", file, "--framework", Self.framework, "--format", "json"]).standardOutput)
        #expect((check["migration"] as? [String: Any])?["from"] as? String == "respect-standard@2012")
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: file, toPath: folder + "/2012-era.xml")
        let batch = try CommandLineRunner.run(["batch", folder, "--framework", Self.framework, "--csv", "-"])
        #expect(batch.exitCode == 0, "it is scored, not 'inconsistent': \(batch.standardError)")
        #expect(!batch.standardOutput.contains("inconsistent"))
        let tender = try Self.object(try CommandLineRunner.run(["tender", TestSupport.fixture("equality/neutral-tender.xml"), folder,
                                                               "--format", "json"]).standardOutput)
        let bid = try #require((tender["bids"] as? [[String: Any]])?.first)
        let assessment = try #require(bid["assessment"] as? [String: Any])
        #expect((assessment["migration"] as? [String: Any])?["from"] as? String == "respect-standard@2012")
        #expect(!((bid["reasons"] as? [[String: Any]]) ?? []).contains { $0["code"] as? String == "edition-not-accepted" },
                "a tender accepting 2017 takes the carried-over bid")
    }
}
