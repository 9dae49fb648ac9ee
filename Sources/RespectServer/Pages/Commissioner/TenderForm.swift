import Foundation
import Hummingbird
import RespectAssessment
import RespectModel
import RespectStore

/// Creating a tender: upload a tender XML, or fill in the form (reference, title, deadline and
/// contract start, the edition and outcomes accepted, the services required, an optional
/// stricter figure, and whether outstanding actions must fall due by the contract start). Both
/// are read by the engine's tender loader before anything is stored; a refused file or form
/// comes back with everything typed and the error beside its field.
enum TenderForm {
    struct View: Sendable, Encodable {
        var form: FormState
        var editions: [NewSelfAssessmentPage.EditionOption]
        var edition: String
        var services: [Option]
        var facts: [Option]
        var acceptAchieved: Bool
        var acceptWorkingTowards: Bool
        var actionsByContractStart: Bool
    }

    struct Option: Sendable, Encodable {
        var value: String
        var label: String
        var chosen: Bool
        var fieldID: String
    }

    static func show(framework: String?, context: RespectRequestContext, service: WebService) throws -> Response {
        var form = FormState()
        form.choose("accept", "achieved")
        form.choose("accept", "working-towards")
        return try render(form: form, reference: framework, context: context, service: service)
    }

    static func render(form: FormState, reference: String?, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let catalogue = service.catalogue
        let editions = service.installedEditions()
        guard let chosen = reference.flatMap(service.installedEdition) ?? NewSelfAssessmentPage.defaultEdition(editions) else {
            throw ServiceError(.missingInput)
        }
        let vocabulary = chosen.framework.vocabulary
        let view = View(form: form,
                        editions: editions.map { .init(reference: $0.reference, label: "\($0.framework.title) (\($0.reference))",
                                                       chosen: $0.reference == chosen.reference) },
                        edition: chosen.reference,
                        services: vocabulary.serviceTypes.map { Option(value: $0.id, label: $0.label, chosen: form.isChosen("service", $0.id),
                                                                        fieldID: "service-" + $0.id) },
                        facts: vocabulary.facts.filter { $0.kind == .number }.map { fact in
                            Option(value: fact.id, label: fact.label + (fact.unit.map { " (\($0))" } ?? ""),
                                   chosen: form.values["thresholdFact"] == fact.id, fieldID: "fact-" + fact.id)
                        },
                        acceptAchieved: form.isChosen("accept", "achieved"), acceptWorkingTowards: form.isChosen("accept", "working-towards"),
                        actionsByContractStart: form.isChosen("actionsByContractStart", "true"))
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["tenderForm_title"]
        return service.page("tender-form", PageFrame(title: title, context: context, catalogue: catalogue, section: "/tenders/new"), view,
                            status: status)
    }

    /// Reads the posted tender (a file when one was chosen, else the form), stores it, and opens its page.
    static func create(user: UserAccount, context: RespectRequestContext, service: WebService) async throws -> Response {
        guard let organisation = user.organisation else { throw ServiceError.notFound }
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        let bytes: [UInt8]
        let fileName: String
        let errorField: String
        if let upload = posted.file("file") {
            bytes = upload.bytes
            fileName = upload.fileName
            errorField = "file"
        } else {
            guard let draft = draft(posted, organisation: organisation, service: service, form: &form) else {
                return try render(form: form, reference: posted.text("framework"), context: context, service: service,
                                  status: .unprocessableContent)
            }
            bytes = Array(service.pages.render("tender-xml", ["tender": draft], catalogue: catalogue).utf8)
            fileName = "tender-form.xml"
            errorField = "reference"
        }
        guard bytes.count <= service.configuration.maxXMLBytes else { throw ServiceError(.tooLarge) }
        let tender: Tender
        do {
            let document = try service.engine.read(.bytes(bytes, name: fileName))
            tender = try service.engine.loader.loadTender(bytes: document.bytes, path: document.name)
        } catch {
            let detail = (error as? AssessmentError)?.description ?? (error as? DocumentLoadError)?.description ?? String(describing: error)
            form.fail(errorField, detail)
            return try render(form: form, reference: posted.text("framework"), context: context, service: service,
                              status: .unprocessableContent)
        }
        let new = NewTender(organisation: organisation, content: FileContent(bytes), fileName: fileName, reference: tender.reference,
                            title: tender.title, deadline: tender.timetable.deadline.description, createdBy: user.id, createdAt: service.now)
        let added = try await service.run { () async throws(ServiceStoreError) in try await service.store.addTender(new, by: context.author) }
        return PageResponse.redirect(to: "/tenders/\(added.id)")
    }

    /// The draft the form describes, or `nil` with the problems recorded in `form`.
    static func draft(_ posted: PageForm, organisation: RegisteredNumber, service: WebService, form: inout FormState) -> TenderDraft? {
        let catalogue = service.catalogue
        guard let edition = service.installedEdition(posted.text("framework")) else {
            form.fail("framework", catalogue["new_frameworkMissing"])
            return nil
        }
        let reference = posted.text("reference")
        if reference.isEmpty || reference.count > 120 { form.fail("reference", catalogue["tenderForm_referenceMissing"]) }
        let title = posted.text("title")
        if title.isEmpty || title.count > EditorInput.maximumText { form.fail("title", catalogue["tenderForm_titleMissing"]) }
        let deadline = CalendarDate(posted.text("deadline"))
        if deadline == nil { form.fail("deadline", catalogue["tenderForm_deadlineInvalid"]) }
        var contractStart: CalendarDate?
        if !posted.text("contractStart").isEmpty {
            contractStart = CalendarDate(posted.text("contractStart"))
            if contractStart == nil { form.fail("contractStart", catalogue["tenderForm_contractStartInvalid"]) }
        }
        let accept = ["achieved", "working-towards"].filter(posted.all("accept").contains)
        if accept.isEmpty { form.fail("accept", catalogue["tenderForm_acceptMissing"]) }
        let vocabulary = edition.framework.vocabulary
        let services = vocabulary.serviceTypes.filter { posted.all("service").contains($0.id) }
        let actionsByContractStart = posted.text("actionsByContractStart") == "true"
        if actionsByContractStart, contractStart == nil { form.fail("contractStart", catalogue["tenderForm_contractStartNeeded"]) }
        var threshold: TenderDraft.Threshold?
        let factID = posted.text("thresholdFact"), value = posted.text("thresholdValue")
        if !factID.isEmpty || !value.isEmpty {
            if let fact = vocabulary.fact(factID), fact.kind == .number, case .number? = FactValue(value) {
                threshold = TenderDraft.Threshold(fact: fact.id, value: value, unit: fact.unit)
            } else {
                form.fail("thresholdValue", catalogue["tenderForm_thresholdInvalid"])
            }
        }
        guard !form.hasProblems, let deadline else { return nil }
        let identity = edition.framework.identity
        let risks = vocabulary.riskLevels.map(\.id).joined(separator: " ")
        var clauses = [
            TenderDraft.Clause(id: "1", heading: catalogue["tenderClause_scopeHeading"], text: title),
            TenderDraft.Clause(id: "2", heading: catalogue["tenderClause_timetableHeading"],
                               text: catalogue.format(contractStart == nil ? "tenderClause_timetable" : "tenderClause_timetableStart",
                                                      ["deadline": deadline.description, "start": contractStart?.description ?? ""])),
            TenderDraft.Clause(id: "3", heading: catalogue["tenderClause_accreditationHeading"],
                               text: catalogue.format("tenderClause_accreditation", [
                                   "framework": edition.framework.title,
                                   "outcomes": accept.map { catalogue["verdict_" + $0] }.joined(separator: catalogue["list_or"]),
                               ])),
        ]
        if !services.isEmpty {
            clauses.append(.init(id: "4", heading: catalogue["tenderClause_servicesHeading"],
                                 text: catalogue.format("tenderClause_services", ["services": services.map(\.label).joined(separator: "; ")])))
        }
        if let threshold, let fact = vocabulary.fact(threshold.fact) {
            clauses.append(.init(id: "5", heading: catalogue["tenderClause_thresholdHeading"],
                                 text: catalogue.format("tenderClause_threshold", ["fact": fact.label, "value": threshold.value,
                                                                                    "unit": threshold.unit ?? ""])))
        }
        if actionsByContractStart {
            clauses.append(.init(id: "6", heading: catalogue["tenderClause_actionsHeading"], text: catalogue["tenderClause_actions"]))
        }
        return TenderDraft(reference: reference, title: title, commissioner: organisation.value, deadline: deadline.description,
                           contractStart: contractStart?.description, framework: identity.id, edition: identity.edition,
                           accept: accept.joined(separator: " "),
                           services: services.map { TenderDraft.RequiredService(type: $0.id, risks: risks) }, hasServices: !services.isEmpty,
                           threshold: threshold, actionsByContractStart: actionsByContractStart, clauses: clauses)
    }
}
