import Foundation
import RespectModel
import RespectTestSupport
import Testing

/// An evidence register read against the framework: every bad cell is reported with its file,
/// row, column and the nearest valid value, and no submission comes out of a register with one.
@Suite("Evidence register")
struct RegisterReaderTests {
    static func read(_ texts: [(name: String, text: String)], overrides: RegisterOverrides = RegisterOverrides()) throws -> Submission {
        let tables = try texts.map { try CSVTable(bytes: Array($0.text.utf8), file: $0.name) }
        var reader = RegisterReader(document: RegisterDocument(tables: tables), framework: TestSupport.standard2017, overrides: overrides,
                                    decimalComma: tables.contains { $0.separator == ";" })
        return try reader.read().submission
    }

    static func problems(_ path: String) throws -> [RegisterProblem] {
        let table = try CSVTable(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: "bad-cells.csv")
        var reader = RegisterReader(document: RegisterDocument(tables: [table]), framework: TestSupport.standard2017)
        do {
            _ = try reader.read()
            return []
        } catch {
            return error.problems
        }
    }

    /// (row, column letter or "" for the whole row, words the message has, the nearest value).
    static let expectedProblems: [(Int, String, String, String?)] = [
        (4, "B", "'2026-13-01' is not a date; expected", nil),
        (5, "A", "'Sevrices' is not a section title", "Services"),
        (8, "A", "'group-behavior-change' is not a service type of respect-standard@2017", "group-behaviour-change"),
        (8, "B", "'hihg' is not a risk level", "high"),
        (9, "B", "'all' is not a risk level", nil),
        (13, "A", "'Safeguarding policy' is not an id", "safeguarding-policy"),
        (13, "B", "'polcy' is not an evidence type", "policy"),
        (13, "D", "'31/02/2026' is not a date", nil),
        (13, "F", "'9.9.9' is not an indicator", "9.1.1"),
        (13, "F", "'gov-acountable-lead' is not an indicator", "gov-accountable-lead"),
        (13, "H", "the file has no SHA-256", nil),
        (14, "G", "a SHA-256 without a file", nil),
        (15, "A", "the id 'pol-2' is already used on row 14", nil),
        (15, "C", "the title is missing", nil),
        (15, "D", "the issue date is missing", nil),
        (15, "F", "no indicators", nil),
        (19, "B", "'24 weeks' is not a number of weeks", nil),
        (20, "C", "'percentage' is not its unit", "percent"),
        (20, "D", "'pol-3' is not the id of an item in the Evidence section", "pol-2"),
        (21, "B", "'maybe' is not yes or no", nil),
        (24, "C", "the owner is missing", nil),
    ]

    @Test("every bad cell of a register is reported, in row order, with its row, column and the nearest valid value")
    func everyBadCell() throws {
        let problems = try Self.problems(TestSupport.fixture("register/bad-cells.csv"))
        #expect(problems.count == Self.expectedProblems.count, "\(problems.map(\.description).joined(separator: "\n"))")
        for (problem, (row, column, words, nearest)) in zip(problems, Self.expectedProblems) {
            #expect(problem.location.row == row, "\(problem)")
            #expect(problem.location.column.map(RegisterLocation.letters) ?? "" == column, "\(problem)")
            #expect(problem.message.contains(words), "\(problem)")
            #expect(problem.nearest == nearest, "\(problem)")
            #expect(problem.description.hasPrefix("bad-cells.csv row \(row)"))
        }
    }

    @Test("a plain evidence list, with types by label, indicators by number and UK dates, is an evidence register")
    func plainEvidenceList() throws {
        let text = """
            Ref,Evidence type,Document,Date issued,Review date,Indicators,Owner
            sg-policy,Policy document,"Safeguarding policy, v3",31/01/2026,31/01/2027,"2.4.1
            2.4.2",Head of Service
            dbs-log,recruitment-record,DBS log,2026-03-01,,staff-safe-recruitment-dbs,HR
            """
        let submission = try Self.read([("evidence.csv", text)],
                                       overrides: RegisterOverrides(providerName: "Northgate Family Safety",
                                                                    services: [OfferedService(serviceType: "disruption", riskLevels: ["high"])]))
        #expect(submission.evidence.map(\.id) == ["sg-policy", "dbs-log"])
        #expect(submission.evidence[0].type == "policy")
        #expect(submission.evidence[0].title == "Safeguarding policy, v3")
        #expect(submission.evidence[0].issued == CalendarDate("2026-01-31"))
        #expect(submission.evidence[0].reviewBy == CalendarDate("2027-01-31"))
        #expect(submission.evidence[0].supports == [TestSupport.standard2017.indicators.first { $0.number == "2.4.1" }!.id,
                                                    TestSupport.standard2017.indicators.first { $0.number == "2.4.2" }!.id])
        #expect(submission.provider.name == "Northgate Family Safety")
        #expect(submission.target.reference == "respect-standard@2017")
    }

    @Test("a register without services or a provider says how to give them")
    func missingServicesAndProvider() throws {
        #expect {
            _ = try Self.read([("evidence.csv", "id,type,title,issued,supports\na,policy,A,2026-01-01,gov-accountable-lead\n")])
        } throws: { error in
            let text = "\(error)"
            return text.contains("the provider's name is missing") && text.contains("--provider")
                && text.contains("no services: add a Services section") && text.contains("--services")
        }
    }

    @Test("facts take the framework's unit when the cell is empty, yes/no for a yes/no fact, and a decimal comma in a semicolon file")
    func facts() throws {
        let register = """
            Submission;
            provider;Northgate
            Services;
            service type;risk levels
            group-behaviour-change;standard medium high
            Facts;;
            fact;value;unit
            programme-duration-weeks;24,5;
            a named safeguarding lead is in post;yes;
            partner-contact-rate;87%;percent
            """
        let submission = try Self.read([("register.csv", register)])
        #expect(submission.facts.map(\.id) == ["programme-duration-weeks", "safeguarding-lead-appointed", "partner-contact-rate"])
        #expect(submission.facts.map(\.value.description) == ["24.5", "true", "87"])
        #expect(submission.facts.map(\.unit) == ["weeks", nil, "percent"])
    }

    @Test("a section may come only once across the files, and a header must have the required columns")
    func structure() throws {
        let evidence = "Evidence\nid,type,title\n"
        #expect {
            _ = try Self.read([("a.csv", "Services\nservice type,risk levels\ndisruption,high\n"),
                               ("b.csv", "Services\nservice type,risk levels\nearly-intervention,high\n" + evidence)],
                              overrides: RegisterOverrides(providerName: "X"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("b.csv row 1: a second Services section; the first starts at a.csv row 1")
                && text.contains("b.csv row 5: the Evidence header has no 'issued' column")
        }
    }

    @Test("a column nearly named as one of the section's is a problem; another column is a note and is not read")
    func columns() throws {
        let tables = [try CSVTable(bytes: Array("id,type,title,issud,supports,Notes\n".utf8), file: "e.csv")]
        let document = RegisterDocument(tables: tables)
        #expect(document.problems.contains { $0.location.column == 3 && $0.nearest == "issued" })
        #expect(document.notes.contains { $0.location.column == 5 && $0.message.contains("'Notes' is not part of the register") })
    }

    @Test("what RegisterWriter writes is read back as the same submission")
    func writerRoundTrip() throws {
        let original = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/achieved.xml")
        let read = try Self.read([("register.csv", RegisterWriter.document(original))])
        #expect(SubmissionXMLWriter.document(read) == SubmissionXMLWriter.document(original))
    }
}
