import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// `EditionDiff`: every kind of change between two editions, on the fixtures in
/// `Fixtures/editions/` and on the shipped 2012 and 2017 models.
@Suite("Edition diff")
struct EditionDiffTests {
    static func framework(_ name: String) throws -> Framework {
        try TestSupport.loader.loadFramework(contentsOf: TestSupport.fixture("editions/" + name))
    }

    static func fixtureDiff() throws -> EditionDiff {
        EditionDiff(old: try framework("ed-old.xml"), new: try framework("ed-new.xml"))
    }

    func entry(_ diff: EditionDiff, old: [String], new: [String]) -> EditionDiff.Entry? {
        diff.entries.first { $0.old.map(\.id) == old && $0.new.map(\.id) == new }
    }

    @Test("an indicator only in the new edition is added, one only in the old is removed")
    func addedAndRemoved() throws {
        let diff = try Self.fixtureDiff()
        #expect(diff.entries(.added).flatMap(\.new).map(\.id) == ["brand-new"])
        #expect(diff.entries(.removed).flatMap(\.old).map(\.id) == ["gone"])
    }

    @Test("same ids in two editions of one framework match without a declared link")
    func sameIDMatching() throws {
        let diff = try Self.fixtureDiff()
        let carried = diff.entries(.carried)
        #expect(carried.map { $0.old.map(\.id) } == [["unchanged"], ["training"]])
        #expect(entry(diff, old: ["unchanged"], new: ["unchanged"])?.changes.isEmpty == true)
        #expect(carried.allSatisfy { $0.relation == nil })
    }

    @Test("a one-to-one link to another id is a rename, with its declared relation")
    func renamed() throws {
        let diff = try Self.fixtureDiff()
        let renamed = diff.entries(.renamed)
        #expect(renamed.map { "\($0.old[0].id)→\($0.new[0].id)" } == ["old-length→length", "old-safety→safety"])
        #expect(renamed.map(\.relation) == ["same-as", "replaced-by"])
    }

    @Test("one old indicator linked to two new ones is a split; two linked to one is a merge")
    func splitAndMerged() throws {
        let diff = try Self.fixtureDiff()
        #expect(entry(diff, old: ["old-contact"], new: ["contact", "contact-data"])?.kind == .split)
        #expect(entry(diff, old: ["old-audit-a", "old-audit-b"], new: ["audit"])?.kind == .merged)
        #expect(diff.entries(.merged).first?.relation == "merged-into")
    }

    @Test("count, age and review-date changes are shown old → new")
    func evidenceRuleChanges() throws {
        let changes = try #require(entry(try Self.fixtureDiff(), old: ["training"], new: ["training"])).changes
        #expect(changes.contains(.count(evidenceType: "training-record", old: 1, new: 2)))
        #expect(changes.contains(.age(evidenceType: "training-record", oldMonths: 24, newMonths: 12)))
        #expect(changes.contains(.reviewDate(evidenceType: "training-record", old: false, new: true)))
        #expect(changes.count == 3)
    }

    @Test("threshold, level and dropped evidence-type changes are shown old → new")
    func thresholdAndLevel() throws {
        let changes = try #require(entry(try Self.fixtureDiff(), old: ["old-length"], new: ["length"])).changes
        let weeks = { (value: Int) in FactThreshold(factID: "programme-weeks", comparison: .ge, value: .number(ExactDecimal(value)), unit: "weeks") }
        #expect(changes.contains(.threshold(fact: "programme-weeks", old: weeks(26), new: weeks(22))))
        #expect(changes.contains(.level(old: .mandatory, new: .desirable)))
        #expect(changes.contains(.evidenceType("policy", required: false)))
    }

    @Test("new evidence types, applicability, safety-critical, verification and required services are shown, with renamed types mapped")
    func replacedIndicator() throws {
        let changes = try #require(entry(try Self.fixtureDiff(), old: ["old-safety"], new: ["safety"])).changes
        #expect(changes.contains(.evidenceType("risk-review-record", required: true)))
        #expect(changes.contains(.service("iss", required: false)))
        #expect(changes.contains(.applicability(.serviceTypes, old: ["group"], new: ["group", "one-to-one"])))
        #expect(changes.contains(.applicability(.riskLevels, old: nil, new: ["high", "standard"])))
        #expect(changes.contains(.safetyCritical(old: false, new: true)))
        #expect(changes.contains(.verification(old: [.desk], new: [.caseSample])))
        // iss-log (old) was renamed partner-contact-log with the same count: not a change.
        #expect(!changes.contains { change in
            switch change {
            case .evidenceType(let type, _), .count(let type, _, _), .age(let type, _, _), .reviewDate(let type, _, _):
                type == "partner-contact-log" || type == "iss-log"
            default: false
            }
        })
    }

    @Test("renamed service and evidence types are listed")
    func termRenames() throws {
        let renames = try Self.fixtureDiff().termRenames
        #expect(renames.contains(EditionDiff.TermRename(vocabulary: .serviceType, old: "men-group", new: "group")))
        #expect(renames.contains(EditionDiff.TermRename(vocabulary: .evidenceType, old: "iss-log", new: "partner-contact-log")))
    }

    @Test("every successor link in the shipped 2012 model resolves to a 2017 indicator")
    func shippedLinksResolve() throws {
        let old = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2012.xml")
        let new = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        let newIDs = Set(new.indicators.map(\.id))
        let oldIDs = Set(old.indicators.map(\.id))
        let links = old.indicators.flatMap { indicator in indicator.successors.map { (indicator.id, $0) } }
        #expect(links.count >= 40)
        for (oldID, link) in links {
            #expect(oldIDs.contains(oldID))
            #expect(link.edition == "2017")
            #expect(newIDs.contains(link.indicatorID), "\(oldID) → \(link.indicatorID)")
        }
        for term in old.vocabulary.evidenceTypes + old.vocabulary.serviceTypes {
            guard let successor = term.successor else { continue }
            #expect(new.vocabulary.evidenceType(successor) != nil || new.vocabulary.serviceType(successor) != nil, "\(term.id) → \(successor)")
        }
        let diff = EditionDiff(old: old, new: new)
        #expect(diff.brokenLinks.isEmpty)
        #expect(old.indicators.count >= 40 && old.indicators.count <= 70)
        for kind in [EditionDiff.Kind.added, .removed, .renamed, .split, .merged] {
            #expect(!diff.entries(kind).isEmpty, "\(kind)")
        }
    }

    @Test("a link to an indicator the new edition lacks is reported as broken, not followed")
    func brokenLink() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("editions/ed-old.xml"), encoding: .utf8)
            .replacingOccurrences(of: "ref=\"length\"", with: "ref=\"no-such-indicator\"")
        let old = try TestSupport.loader.loadFramework(contentsOf: TestSupport.temporaryFile(text, name: "ed-old.xml"))
        let diff = EditionDiff(old: old, new: try Self.framework("ed-new.xml"))
        #expect(diff.brokenLinks.map(\.newID) == ["no-such-indicator"])
        #expect(diff.entries(.removed).flatMap(\.old).map(\.id).contains("old-length"))
        #expect(diff.entries(.added).flatMap(\.new).map(\.id).contains("length"))
    }

    @Test("a split into a single indicator is rejected with the line")
    func splitIntoOne() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("editions/ed-old.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<successor relation=\"split-into\" ref=\"contact-data\" edition=\"2\"/>", with: "")
        do {
            _ = try TestSupport.loader.loadFramework(contentsOf: TestSupport.temporaryFile(text, name: "ed-old.xml"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("split into only one indicator"))
            #expect(error.diagnostics.first?.location.line ?? 0 > 0)
        }
    }

    @Test("frameworks diff prints text, JSON and a self-contained HTML page")
    func commandLine() throws {
        let old = TestSupport.fixture("editions/ed-old.xml"), new = TestSupport.fixture("editions/ed-new.xml")
        let text = try CommandLineRunner.run(["frameworks", "diff", old, new])
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("old-contact → contact + contact-data (split-into)"))
        #expect(text.standardOutput.contains("threshold programme-weeks: ≥ 26 weeks → ≥ 22 weeks"))
        let json = try CommandLineRunner.run(["frameworks", "diff", old, new, "--format", "json"])
        #expect(json.exitCode == 0)
        let decoded = try JSONDecoder().decode(EditionDiff.self, from: Data(json.standardOutput.utf8))
        #expect(decoded.entries(.merged).count == 1)
        let html = try CommandLineRunner.run(["frameworks", "diff", "respect-standard@2012", "respect-standard@2017", "--format", "html"])
        #expect(html.exitCode == 0)
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(html.standardOutput.contains("r12-assess-suitability"))
        #expect(!html.standardOutput.contains("<script"))
    }
}
