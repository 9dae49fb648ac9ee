import Hummingbird
import RespectStore

/// The rounds scored so far, newest first, and a form to score a new one: the latest submitted
/// version of every self-assessment awaiting assessment, each with its agreed findings.
enum RoundsPage {
    struct View: Sendable, Encodable {
        var rounds: [Row]
        var hasRounds: Bool
        var form: FormState
        var waiting: Int
    }

    struct Row: Sendable, Encodable {
        var href: String
        var name: String
        var created: String
        var entries: Int
    }

    static func render(form: FormState = FormState(), context: RespectRequestContext, service: WebService,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let catalogue = service.catalogue
        let (rounds, submitted) = try await service.run { () async throws(ServiceStoreError) in
            (try await service.store.rounds(), try await service.store.submittedSubmissions())
        }
        let rows = rounds.map { Row(href: "/rounds/\($0.id)", name: $0.name, created: PageDates.dateTime($0.createdAt), entries: $0.entries.count) }
        let view = View(rounds: rows, hasRounds: !rows.isEmpty, form: form, waiting: submitted.count)
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + catalogue["rounds_title"]
        return service.page("rounds", PageFrame(title: title, context: context, catalogue: catalogue, section: "/rounds"), view, status: status)
    }

    static func create(context: RespectRequestContext, service: WebService) async throws -> Response {
        let user = try context.user
        let catalogue = service.catalogue
        var form = FormState(context.form)
        let name = context.form.text("name")
        if name.isEmpty { form.fail("name", catalogue["rounds_nameMissing"]) }
        if name.count > EditorInput.maximumText { form.fail("name", catalogue["form_tooLong"]) }
        let submitted = try await service.run { () async throws(ServiceStoreError) in try await service.store.submittedSubmissions() }
        if submitted.isEmpty { form.fail("name", catalogue["rounds_nothingSubmitted"]) }
        guard !form.hasProblems else {
            return try await render(form: form, context: context, service: service, status: .unprocessableContent)
        }
        var targets: [(SubmissionRecord, SubmissionVersion)] = []
        for submission in submitted {
            guard let latest = submission.submittedVersions.last else { continue }
            targets.append(try await service.version(submission.id, latest, for: user))
        }
        let (round, _) = try await service.scoreRound(name: name, targets, user: user, context: context)
        return PageResponse.redirect(to: "/rounds/\(round.id)")
    }
}
