import Hummingbird
import RespectModel
import RespectStore

/// Importing a submission XML or an evidence register (CSV): as a new self-assessment, or as the
/// next version of one. An XML file is read as every upload is (valid, and of the provider's own
/// organisation); a register is built into a submission by the register library, as `respect
/// import` builds it, and that submission is then read the same way. A file that is refused
/// comes back with the engine's message beside the file field (a register's problems listed one
/// by one, with row and column), and the title typed is kept.
enum ImportPage {
    struct View: Sendable, Encodable {
        var form: FormState
        var action: String
        var intoExisting: Bool
        var path: String?
        var heading: String
        /// A refused register's problems, one per line of the list beside the file field.
        var problems: [String]
        /// Stored, not computed: the templates read the stored properties (through `Encodable`).
        var hasProblems: Bool
    }

    static func show(into record: SubmissionRecord?, context: RespectRequestContext, service: WebService) -> Response {
        render(form: FormState(), into: record, context: context, service: service)
    }

    static func render(form: FormState, into record: SubmissionRecord?, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok, problems: [String] = []) -> Response {
        let catalogue = service.catalogue
        let heading = record.map { catalogue.format("import_versionHeading", ["title": $0.title]) } ?? catalogue["import_heading"]
        let view = View(form: form, action: record.map { "/self-assessments/\($0.id)/import" } ?? "/self-assessments/import",
                        intoExisting: record != nil, path: record.map { "/self-assessments/\($0.id)" }, heading: heading,
                        problems: problems, hasProblems: !problems.isEmpty)
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + heading
        return service.page("import", PageFrame(title: title, context: context, catalogue: catalogue, section: "/self-assessments/import"),
                            view, status: status)
    }

    static func save(into record: SubmissionRecord?, user: UserAccount, context: RespectRequestContext,
                     service: WebService) async throws -> Response {
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        let title = posted.text("title")
        if record == nil, title.count > EditorInput.maximumText { form.fail("title", catalogue["form_tooLong"]) }
        guard let organisation = user.organisation else { throw ServiceError.notFound }
        guard let upload = posted.file("file") else {
            form.fail("file", catalogue["import_fileMissing"])
            return render(form: form, into: record, context: context, service: service, status: .unprocessableContent)
        }
        guard upload.bytes.count <= service.configuration.maxXMLBytes else { throw ServiceError(.tooLarge) }
        let version: NewVersion
        let isRegister = Self.isRegister(upload.bytes, fileName: upload.fileName)
        do {
            version = isRegister
                ? try service.importedRegister(upload.bytes, fileName: upload.fileName, organisation: organisation, user: user)
                : try service.importedVersion(upload.bytes, fileName: upload.fileName, organisation: organisation, user: user)
        } catch let refusal as RegisterRefusal {
            let count = refusal.problems.count + refusal.omitted
            form.fail("file", catalogue.format(count == 1 ? "import_registerRefusedOne" : "import_registerRefused", ["count": String(count)]))
            var problems = refusal.problems
            if refusal.omitted > 0 { problems.append(catalogue.format("import_registerMore", ["count": String(refusal.omitted)])) }
            return render(form: form, into: record, context: context, service: service, status: .unprocessableContent, problems: problems)
        } catch let error as ServiceError where error.code == .badData || error.code == .missingInput {
            var messages: [String] = []
            for message in [error.detail].compactMap({ $0 }) + error.problems where !messages.contains(message) {
                messages.append(message)
            }
            form.fail("file", messages.joined(separator: " "))
            return render(form: form, into: record, context: context, service: service, status: .unprocessableContent)
        }
        if form.hasProblems {
            return render(form: form, into: record, context: context, service: service, status: .unprocessableContent)
        }
        if let record {
            let added = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.addVersion(submissionID: record.id, version, by: context.author)
            }
            return PageResponse.redirect(to: "/self-assessments/\(record.id)/versions/\(added.number)/changes")
        }
        let created = try await service.run { () async throws(ServiceStoreError) in
            try await service.store.createSubmission(organisation: organisation, title: title.isEmpty ? upload.fileName : title,
                                                     firstVersion: version, by: context.author)
        }
        return PageResponse.redirect(to: "/self-assessments/\(created.0.id)")
    }

    /// Whether an upload is an evidence register rather than a submission XML: a `.csv` file, or
    /// UTF-8 text whose first character after a byte-order mark and white space is not `<` (a
    /// register's first cell never starts with `<`; every XML document does). Anything else is
    /// read as XML, whose reader says what it expected.
    static func isRegister(_ bytes: [UInt8], fileName: String) -> Bool {
        if fileName.lowercased().hasSuffix(".csv") { return true }
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { return false }
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard let first = rest.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        return first != UInt8(ascii: "<")
    }
}
