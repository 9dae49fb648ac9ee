import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words requirement changes between editions and the migration
/// checklist's notes.
@Suite("English wording: editions and migration")
struct EditionWordingTests {
    let wording = EnglishWording()

    private func framework(_ name: String) throws -> Framework {
        try TestSupport.loader.loadFramework(contentsOf: TestSupport.fixture("editions/" + name))
    }

    @Test("each kind of requirement change, old → new")
    func requirementChanges() throws {
        let diff = EditionDiff(old: try framework("ed-old.xml"), new: try framework("ed-new.xml"))
        let words = Set(diff.entries.flatMap(\.changes).map(wording.message))
        for expected in ["count training-record: at least 1 → at least 2",
                         "age training-record: at most 24 months old → at most 12 months old",
                         "review-date training-record: review date not checked → within review date",
                         "threshold programme-weeks: ≥ 26 weeks → ≥ 22 weeks",
                         "level: mandatory → desirable",
                         "evidence-type policy: required → none",
                         "evidence-type risk-review-record: none → required",
                         "service iss: required → none",
                         "applicability services: group → group, one-to-one",
                         "applicability risk levels: all → high, standard",
                         "safety-critical: false → true",
                         "verification: desk → case-sample"] {
            #expect(words.contains(expected), "\(expected)")
        }
        #expect(diff.termRenames.map { wording.termKind($0.vocabulary) }.sorted() == ["evidence type", "service type"])
    }

    @Test("the migration checklist's notes and relations")
    func migrationNotes() throws {
        let links = EditionLinks(old: try framework("ed-old.xml"), new: try framework("ed-new.xml"))
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.fixture("editions/submissions/ed1-submission.xml"))
        let assessment = try EditionMigration(links: links).evaluate(submission, asOf: CalendarDate("2026-06-30")!, evaluator: Evaluator(framework: links.new))
        let items = Dictionary(uniqueKeysWithValues: try #require(assessment.migration).items.map { ($0.indicator.id, $0) })
        #expect(items["brand-new"]?.newlyRequired.first.map(wording.message) == "new in 2: no 1 indicator carries into it")
        let training = try #require(items["training"]).newlyRequired.map(wording.message)
        #expect(training.contains("count training-record: at least 1 → at least 2"))
        #expect(training.contains { $0.hasPrefix("provide 1 more item of type “Training record” linked to training") })
        #expect(items["audit"].map { wording.relation($0.relation) } == "merged-into")
        #expect(items["unchanged"].map { wording.relation($0.relation) } == "same id")
        #expect(items["brand-new"].map { wording.relation($0.relation) } == "new")
    }
}
