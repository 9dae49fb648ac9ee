import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The edition rules every front end follows, in one place: finding an edition from a reference,
/// supersession, and carrying a submission over from an older edition.
@Suite("Standards library")
struct StandardsLibraryTests {
    static func library(_ directory: String = TestSupport.standardsDirectory) -> StandardsLibrary {
        StandardsLibrary(directory: directory, loader: TestSupport.loader)
    }

    @Test("the index knows every installed edition from its root element alone, and leaves other documents out")
    func indexFromRoots() throws {
        let index = try Self.library().index()
        #expect(index.references == ["home-office@2023", "respect-standard@2012", "respect-standard@2017"])
        let older = try #require(index.entry(id: "respect-standard", edition: "2012"))
        #expect(older.published == CalendarDate("2012-07-01") || older.published != nil)
        #expect(index.successor(of: "respect-standard", edition: "2012") == "2017")
        #expect(index.successor(of: "respect-standard", edition: "2017") == nil)
        #expect(!index.entries.contains { $0.path.hasSuffix("crosswalk-respect2017-ho2023.xml") }, "a crosswalk is not an edition")
    }

    @Test("a reference finds an edition by ID@EDITION, by a bare id when one edition is installed, or by a file path")
    func references() throws {
        let library = Self.library()
        #expect(try library.edition("respect-standard@2017").framework.indicators.count == 96)
        #expect(try library.edition("home-office").reference == "home-office@2023")
        let byPath = try library.edition(TestSupport.standardsDirectory + "/respect-standard-2012.xml")
        #expect(byPath.reference == "respect-standard@2012")
        #expect(byPath.input.sha256 == InputFile.sha256(of: try Data(contentsOf: URL(fileURLWithPath: byPath.input.path))))
    }

    @Test("a bare id with several editions asks for one; an edition that is not installed lists what is")
    func ambiguousAndMissing() throws {
        let library = Self.library()
        do {
            _ = try library.edition("respect-standard")
            Issue.record("expected an error")
        } catch {
            guard case .ambiguousEdition(_, _, let editions) = error else { Issue.record("got \(error)"); return }
            #expect(editions == ["respect-standard@2012", "respect-standard@2017"])
            #expect(error.description.contains("name one as ID@EDITION"))
        }
        do {
            _ = try library.edition("respect-standard@1999")
            Issue.record("expected an error")
        } catch {
            guard case .notInstalled(_, _, let installed) = error else { Issue.record("got \(error)"); return }
            #expect(installed == ["home-office@2023", "respect-standard@2012", "respect-standard@2017"])
            #expect(error.isMissingInput)
        }
    }

    @Test("an edition that another installed edition supersedes is marked, even if its file does not say so")
    func supersededFromIndex() throws {
        let library = Self.library(TestSupport.fixture("editions"))
        #expect(try library.index().references == ["ed@1", "ed@2"])
        #expect(try library.edition("ed@1").framework.identity.supersededBy == "2")
        #expect(try library.edition("ed@2").framework.identity.supersededBy == nil)
    }

    @Test("a superseded edition says so in the text, JSON and HTML reports")
    func supersededInEveryReport() throws {
        let engine = AssessmentEngine(library: Self.library(TestSupport.fixture("editions")))
        let request = AssessmentRequest(submission: .file(TestSupport.fixture("editions/submissions/ed1-submission.xml")),
                                        asOf: CalendarDate("2026-06-30")!, today: CalendarDate("2026-06-30")!)
        let assessment = try engine.assess(request).assessment
        #expect(assessment.warnings.contains { $0.cause == .supersededEdition(edition: "ed@1", successor: "2") })
        #expect(TextReport().render(assessment).contains("ed@1 is superseded by edition 2"))
        #expect(TextReport().render(assessment).contains("SUPERSEDED by edition 2"))
        #expect(try JSONReport.render(assessment).contains("\"supersededBy\" : \"2\""))
        #expect(HTMLCheckReport().render(assessment).contains("superseded by edition 2"))
    }

    @Test("a submission for an older installed edition is carried over to a newer one, and only then")
    func migrationRule() throws {
        let library = Self.library()
        let target2012 = FrameworkTarget(framework: "respect-standard", edition: "2012")
        let carried = try library.resolve(target: target2012, requested: "respect-standard@2017")
        #expect(carried.edition.reference == "respect-standard@2017")
        #expect(carried.migration?.from.reference == "respect-standard@2012")
        #expect(carried.inputs.map(\.role) == ["framework", "framework-migrated-from"])
        #expect(try library.resolve(target: target2012, requested: nil).migration == nil, "its own edition")
        let target2017 = FrameworkTarget(framework: "respect-standard", edition: "2017")
        #expect(try library.resolve(target: target2017, requested: "respect-standard@2012").migration == nil, "never carried backwards")
        #expect(try library.resolve(target: target2012, requested: "home-office@2023").migration == nil, "another framework")
    }

    @Test("an edition is loaded once and shared; a failure is remembered")
    func loadedOnce() throws {
        let library = Self.library()
        let first = try library.edition("respect-standard@2017")
        let second = try library.edition(TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        #expect(first.input == second.input)
        for _ in 0..<2 {
            #expect(throws: DocumentLoadError.self) { try library.edition("respect-standard@1999") }
        }
    }
}
