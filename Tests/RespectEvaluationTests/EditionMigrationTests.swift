import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// Re-assessing a submission written for an older edition under a newer one, through the
/// declared links, and the migration checklist.
@Suite("Edition migration")
struct EditionMigrationTests {
    static func migrated() throws -> Assessment {
        let links = EditionLinks(old: try EditionDiffTests.framework("ed-old.xml"), new: try EditionDiffTests.framework("ed-new.xml"))
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.fixture("editions/submissions/ed1-submission.xml"))
        return try EditionMigration(links: links).evaluate(submission, asOf: CalendarDate("2026-06-30")!,
                                                           evaluator: Evaluator(framework: links.new))
    }

    func item(_ assessment: Assessment, _ id: String) -> MigrationChecklist.Item? {
        assessment.migration?.items.first { $0.indicator.id == id }
    }

    @Test("evidence linked to an old indicator counts for the new indicators it maps to, with renamed types mapped")
    func evidenceCarriesOver() throws {
        let assessment = try Self.migrated()
        // E3 was an "iss-log" linked to old-contact and old-safety: it now counts as a
        // partner-contact-log for contact (split) and safety (replaced).
        #expect(assessment.status("contact") == .met)
        #expect(assessment.indicator("contact")?.evidenceUsed == ["E3"])
        #expect(assessment.indicator("safety")?.evidenceUsed == ["E3", "E4"])
        // The renamed service type keeps group indicators applicable.
        #expect(assessment.status("safety") != .notApplicable)
        #expect(assessment.submission.services.map(\.serviceType) == ["group", "iss"])
    }

    @Test("each new indicator says whether the old evidence carries over: carried, partly or not covered")
    func carryOverStatus() throws {
        let assessment = try Self.migrated()
        #expect(item(assessment, "unchanged")?.carryOver == .carried)
        #expect(item(assessment, "contact")?.carryOver == .carried)
        #expect(item(assessment, "length")?.carryOver == .carried)
        #expect(item(assessment, "training")?.carryOver == .partly)
        #expect(item(assessment, "safety")?.carryOver == .partly)
        #expect(item(assessment, "brand-new")?.carryOver == .notCovered)
        #expect(item(assessment, "audit")?.origin == ["old-audit-a", "old-audit-b"])
        #expect(item(assessment, "audit")?.carryOver == .carried)
        #expect(item(assessment, "audit")?.relation == .declared(.mergedInto))
        #expect(item(assessment, "unchanged")?.relation == .sameID)
        #expect(item(assessment, "brand-new")?.relation == .new)
        let checklist = try #require(assessment.migration)
        #expect(checklist.from == "ed@1" && checklist.to == "ed@2")
        #expect(checklist.dropped.map(\.id) == ["gone"])
    }

    @Test("the checklist says what is newly required")
    func newlyRequired() throws {
        let assessment = try Self.migrated()
        let training = try #require(item(assessment, "training")).newlyRequired
        #expect(training.contains(.requirementChanged(.count(evidenceType: "training-record", old: 1, new: 2))))
        #expect(training.contains { note in
            guard case .provide(.evidence(let evidence)) = note else { return false }
            return evidence.evidenceType.id == "training-record" && evidence.indicator == "training"
        })
        let safety = try #require(item(assessment, "safety")).newlyRequired
        #expect(safety.contains(.requirementChanged(.evidenceType("risk-review-record", required: true))))
        let brandNew = try #require(item(assessment, "brand-new")).newlyRequired
        #expect(brandNew.first == .newIndicator(oldEdition: "1", newEdition: "2"))
        #expect(try #require(item(assessment, "unchanged")).newlyRequired.isEmpty)
    }

    @Test("action-plan entries follow their indicator, and the report says the submission was carried over")
    func actionsAndWarning() throws {
        let assessment = try Self.migrated()
        #expect(assessment.warnings.first?.cause == .migratedEdition(from: "ed@1", to: "ed@2"))
        let contactData = try #require(assessment.missingEvidence.flatMap(\.items).first { $0.indicator.id == "contact-data" })
        #expect(contactData.plannedAction?.action == "Second data report")
    }

    @Test("the 2012-era example is achieved under 2012 and re-assessed under 2017 with a migration checklist")
    func shippedExample() throws {
        let under2012 = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--format", "json"])
        #expect(under2012.exitCode == 0)
        let own = try JSONDecoder().decode(Assessment.self, from: Data(under2012.standardOutput.utf8))
        #expect(own.framework.edition == "2012")
        #expect(own.framework.supersededBy == "2017")
        #expect(own.migration == nil)

        let under2017 = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--framework", "respect-standard@2017", "--format", "json"])
        #expect(under2017.exitCode == 20)
        let migrated = try JSONDecoder().decode(Assessment.self, from: Data(under2017.standardOutput.utf8))
        let checklist = try #require(migrated.migration)
        #expect(checklist.from == "respect-standard@2012")
        #expect(checklist.count(.carried) > 20)
        #expect(checklist.count(.notCovered) > 0)
        #expect(checklist.items.first { $0.indicator.id == "risk-assessed-before-intervention" }?.newlyRequired
            .contains(.requirementChanged(.evidenceType("case-file-audit", required: true))) == true)
        #expect(migrated.inputs.contains { $0.role == "framework-migrated-from" })

        let text = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--framework", "respect-standard@2017"])
        #expect(text.standardOutput.contains("MIGRATION CHECKLIST: respect-standard@2012 → respect-standard@2017"))
        let html = try CommandLineRunner.run(["check", "examples/submissions/2012-era.xml", "--framework", "respect-standard@2017", "--format", "html"])
        #expect(html.standardOutput.contains("Migration checklist"))
    }
}
