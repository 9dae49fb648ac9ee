import Hummingbird
import RespectModel
import RespectStore

/// The facts a self-assessment states, one field per fact the framework defines, each with its
/// unit, and the evidence item it comes from (a fact counts as backed only when it cites one).
/// An empty field states nothing. Saving writes the next version.
enum FactsForm {
    struct View: Sendable, Encodable {
        var path: String
        var form: FormState
        var basedOn: Int
        var facts: [FactField]
    }

    struct FactField: Sendable, Encodable {
        var id: String
        var label: String
        var unit: String?
        var isBoolean: Bool
        var fieldID: String
        var sourceFieldID: String
        var value: String
        var yes: Bool
        var no: Bool
        var error: String?
        var sources: [SourceOption]
    }

    struct SourceOption: Sendable, Encodable {
        var id: String
        var label: String
        var chosen: Bool
    }

    static func show(_ state: SelfAssessment, context: RespectRequestContext, service: WebService) -> Response {
        var form = FormState()
        for fact in state.submission.facts {
            form.set("fact-" + fact.id, fact.value.description)
            if let source = fact.sourceEvidenceID { form.set("source-" + fact.id, source) }
        }
        return render(state, form: form, context: context, service: service)
    }

    static func render(_ state: SelfAssessment, form: FormState, context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) -> Response {
        let catalogue = service.catalogue
        let items = state.submission.evidence
        let facts = state.framework.vocabulary.facts.map { definition in
            let value = form.values["fact-" + definition.id] ?? ""
            let source = form.values["source-" + definition.id] ?? ""
            return FactField(id: definition.id, label: definition.label, unit: definition.unit, isBoolean: definition.kind == .boolean,
                             fieldID: "fact-" + definition.id, sourceFieldID: "source-" + definition.id, value: value,
                             yes: value == "true", no: value == "false", error: form.errors["fact-" + definition.id],
                             sources: items.map { SourceOption(id: $0.id, label: "\($0.title) (\($0.id))", chosen: $0.id == source) })
        }
        let view = View(path: state.path, form: form, basedOn: state.version.number, facts: facts)
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["facts_title"]
        return service.page("facts-form", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view,
                            status: status)
    }

    static func save(_ state: SelfAssessment, user: UserAccount, context: RespectRequestContext, service: WebService) async throws -> Response {
        let posted = context.form
        let catalogue = service.catalogue
        var form = FormState(posted)
        var facts: [StatedFact] = []
        let itemIDs = Set(state.submission.evidence.map(\.id))
        for definition in state.framework.vocabulary.facts {
            let text = posted.text("fact-" + definition.id)
            guard !text.isEmpty else { continue }
            guard let value = FactValue(text), value.kind == definition.kind else {
                form.fail("fact-" + definition.id, catalogue.format(definition.kind == .boolean ? "facts_notYesNo" : "facts_notNumber",
                                                                    ["fact": definition.label]))
                continue
            }
            let source = posted.text("source-" + definition.id)
            facts.append(StatedFact(id: definition.id, value: value, unit: definition.unit,
                                    sourceEvidenceID: itemIDs.contains(source) ? source : nil))
        }
        if let based = Int(posted.text("basedOn")), based != state.record.latestVersion {
            form.fail("facts", catalogue.format("form_stale", ["version": String(state.record.latestVersion)]))
        }
        if !form.hasProblems {
            var submission = state.submission
            // Facts the framework does not define are kept as they were (the engine warns about them).
            let known = Set(state.framework.vocabulary.facts.map(\.id))
            submission.facts = submission.facts.filter { !known.contains($0.id) } + facts
            let saved = try await service.saveVersion(submission, of: state.record, user: user, context: context)
            return PageResponse.redirect(to: "\(state.path)/versions/\(saved.number)/changes")
        }
        return render(state, form: form, context: context, service: service, status: .unprocessableContent)
    }
}
