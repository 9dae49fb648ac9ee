import Hummingbird
import RespectModel
import RespectStore

/// Importing a submission XML: as a new self-assessment, or as the next version of one. The
/// file is read as every upload is (valid, and of the provider's own organisation); a file that
/// is refused comes back with the engine's message beside the file field, and the title typed
/// is kept.
///
/// The CSV evidence register import arrives with the evidence-register library (issue 12); until
/// then the page says so instead of offering a second reader.
enum ImportPage {
    struct View: Sendable {
        var form: FormState
        var action: String
        var intoExisting: Bool
        var path: String?
        var heading: String
    }

    static func show(into record: SubmissionRecord?, context: RespectRequestContext, service: WebService) -> Response {
        render(form: FormState(), into: record, context: context, service: service)
    }

    static func render(form: FormState, into record: SubmissionRecord?, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) -> Response {
        let catalogue = service.catalogue
        let heading = record.map { catalogue.format("import_versionHeading", ["title": $0.title]) } ?? catalogue["import_heading"]
        let view = View(form: form, action: record.map { "/self-assessments/\($0.id)/import" } ?? "/self-assessments/import",
                        intoExisting: record != nil, path: record.map { "/self-assessments/\($0.id)" }, heading: heading)
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
        do {
            version = try service.importedVersion(upload.bytes, fileName: upload.fileName, organisation: organisation, user: user)
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
}
