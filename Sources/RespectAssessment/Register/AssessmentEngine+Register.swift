public import RespectModel
import RespectEvaluation
import RespectXML

/// What to build a submission from: the CSV files of an evidence register (or uploads), and
/// what a user gives beside them.
public struct RegisterImportRequest: Sendable {
    public var files: [InputSource]
    /// `ID@EDITION` or a framework file; `nil`: the register's `framework` field.
    public var framework: String?
    /// Service types (ids or labels) replacing the register's Services section, at
    /// `riskLevels` (`nil`: every risk level).
    public var services: [String]?
    public var riskLevels: [String]?
    /// The provider, region and as-of date, overriding the register's Submission section.
    public var overrides: RegisterOverrides

    public init(files: [InputSource], framework: String? = nil, services: [String]? = nil, riskLevels: [String]? = nil,
                overrides: RegisterOverrides = RegisterOverrides()) {
        self.files = files
        self.framework = framework
        self.services = services
        self.riskLevels = riskLevels
        self.overrides = overrides
    }
}

/// A submission built from an evidence register: the submission, its file's text (valid
/// against `submission-v1.xsd`, with nothing in it that would not count), and the notes.
public struct RegisterImport: Sendable {
    public var submission: Submission
    public var xml: String
    /// `id@edition` of the edition it targets.
    public var edition: String
    public var notes: [RegisterNote]
}

extension AssessmentEngine {
    /// Builds a submission from an evidence register (`RegisterLayout`), checking every cell
    /// against the framework edition it targets. Nothing is returned unless the whole register
    /// is valid; the text is then validated as `validate` would, so what is written always is.
    ///
    /// - Throws: `.register` with every problem (file, row, column, the nearest valid value);
    ///   `.load` when a file cannot be read or the edition is not installed; `.invalidChoice`
    ///   for a service type or risk level in `services` or `riskLevels` the edition lacks.
    public func importRegister(_ request: RegisterImportRequest) throws(AssessmentError) -> RegisterImport {
        var tables: [CSVTable] = []
        var problems: [RegisterProblem] = []
        for source in request.files {
            let document = try read(source)
            do {
                tables.append(try CSVTable(bytes: document.bytes, file: document.name))
            } catch {
                problems.append(RegisterProblem(RegisterLocation(file: document.name, row: 0), error.description))
            }
        }
        let register = RegisterDocument(tables: tables)
        guard problems.isEmpty else { throw .register(RegisterError(problems: problems + register.problems)) }
        let named = RegisterReader.frameworkReference(in: register)
        guard let reference = request.framework ?? named?.reference else {
            let installed = (try? library.index().references) ?? []
            throw .register(RegisterError(problems: register.problems + [RegisterProblem(
                RegisterLocation(file: tables.first?.file ?? "register", row: 0),
                "which framework edition is the register for? Add a 'framework' row to the Submission section, or give --framework; installed: "
                    + installed.joined(separator: ", "))]))
        }
        let edition: LoadedEdition
        do {
            edition = try library.edition(reference)
        } catch {
            guard let named, request.framework == nil else { throw .load(error) }
            throw .register(RegisterError(problems: register.problems + [RegisterProblem(named.location, error.description)]))
        }
        var overrides = request.overrides
        if let services = request.services {
            overrides.services = try offered(services, riskLevels: request.riskLevels, in: edition.framework)
        }
        var reader = RegisterReader(document: register, framework: edition.framework, overrides: overrides,
                                    decimalComma: tables.contains { $0.separator == ";" })
        let result: (submission: Submission, notes: [RegisterNote])
        do {
            result = try reader.read()
        } catch {
            throw .register(error)
        }
        let names = tables.map(\.file).joined(separator: ", ")
        let xml = SubmissionXMLWriter.document(result.submission, comment: "Built by `respect import` from the evidence register \(names).")
        let check = validate(.bytes(Array(xml.utf8), name: names))
        let local = Set(reader.localIndicators)
        let unexpected = check.notCounted.filter { !Self.isOnlyAbout(local, $0) }
        guard check.problems.isEmpty, unexpected.isEmpty else {
            // The reader checks everything the schema and the vocabulary do; reaching this is a bug.
            throw .load(.inconsistent(check.problems + unexpected.map {
                XMLDiagnostic(location: SourceLocation(file: names, line: $0.line ?? 0), message: "will not count: \($0.kind.rawValue)")
            }))
        }
        return RegisterImport(submission: result.submission, xml: xml, edition: edition.reference, notes: result.notes)
    }

    /// A submission as an evidence register (`respect export`): the CSV text `importRegister`
    /// reads back into the same submission.
    ///
    /// - Throws: `.load` when the file cannot be read or is not a valid submission.
    public func exportRegister(_ source: InputSource) throws(AssessmentError) -> String {
        let submission = try loadSubmission(try read(source))
        // Links to ids the edition lacks (a tender's local indicators) are declared, so the
        // register reads back as the same submission.
        let local = (try? library.edition(submission.target.reference)).map { submission.linkedIDs(notIn: $0.framework) } ?? []
        return RegisterWriter.document(submission, localIndicators: local)
    }

    /// Whether `warning` is only about links to ids in `local` (declared local indicators).
    private static func isOnlyAbout(_ local: Set<String>, _ warning: Warning) -> Bool {
        switch warning.cause {
        case .unknownIndicator(_, let indicators, let count, _, _): count == indicators.count && indicators.allSatisfy(local.contains)
        case .actionForUnknownIndicator(let indicator, _, _): local.contains(indicator)
        default: false
        }
    }
}
