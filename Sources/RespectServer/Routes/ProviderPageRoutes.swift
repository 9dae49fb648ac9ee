import Foundation
import Hummingbird
import RespectEvaluation
import RespectReports
import RespectStore

/// The provider's pages: starting and importing self-assessments, the dashboard, the editor and
/// its forms, versions and their differences, exports, the report, the calendar feed and
/// submitting a version. Every record is reached through `WebService.submission`, so another
/// organisation's self-assessment answers 404.
enum ProviderPageRoutes {
    static let provider = Route.Access.roles([.provider])

    static let routes: [Route] = [
        Route(.get, "/self-assessments/new", "newSelfAssessmentPage", provider, kind: .page) { request, context, service in
            try NewSelfAssessmentPage.show(framework: request.query("framework"), title: request.query("title"), context: context,
                                           service: service)
        },
        Route(.post, "/self-assessments", "createSelfAssessment", provider, kind: .page) { _, context, service in
            try await NewSelfAssessmentPage.create(user: try context.user, context: context, service: service)
        },
        Route(.get, "/self-assessments/import", "importPage", provider, kind: .page) { _, context, service in
            ImportPage.show(into: nil, context: context, service: service)
        },
        Route(.post, "/self-assessments/import", "importSelfAssessment", provider, kind: .page) { _, context, service in
            try await ImportPage.save(into: nil, user: try context.user, context: context, service: service)
        }.withFiles(),
        Route(.get, "/self-assessments/{id}", "dashboardPage", provider, kind: .page) { _, context, service in
            DashboardPage.render(try await state(context, service), context: context, service: service)
        },
        Route(.get, "/self-assessments/{id}/versions/{number}", "versionPage", provider, kind: .page) { _, context, service in
            let state = try await service.selfAssessment(try context.id("id"), version: try context.number("number"),
                                                         for: try context.user)
            return DashboardPage.render(state, context: context, service: service)
        },
        Route(.get, "/self-assessments/{id}/calendar.ics", "expiryCalendar", provider, kind: .page) { _, context, service in
            let state = try await state(context, service)
            let catalogue = service.catalogue
            let feed = CalendarFeed.render(ExpiringEvidence.list(state.assessment),
                                           calendarName: catalogue.format("calendar_name", ["title": state.record.title]),
                                           summary: { catalogue.format("calendar_" + $0.kind.rawValue, ["title": $0.title, "id": $0.evidenceID]) },
                                           uidDomain: "self-assessment-\(state.record.id).respect", stamp: PageDates.stamp(service.now))
            return PageResponse.download(Array(feed.utf8), mediaType: "text/calendar; charset=utf-8",
                                         fileName: "self-assessment-\(state.record.id)-expiring.ics")
        },
        Route(.get, "/self-assessments/{id}/edit", "editorPage", provider, kind: .page) { _, context, service in
            EditorPage.render(try await state(context, service), context: context, service: service)
        },
        Route(.post, "/self-assessments/{id}/services", "saveServices", provider, kind: .page) { _, context, service in
            try await ServicesForm.save(try await state(context, service, changing: true), user: try context.user, context: context,
                                        service: service)
        },
        Route(.get, "/self-assessments/{id}/evidence/new", "newEvidencePage", provider, kind: .page) { request, context, service in
            EvidenceForm.blank(try await state(context, service), indicator: request.query("indicator"), type: request.query("type"),
                               context: context, service: service)
        },
        Route(.post, "/self-assessments/{id}/evidence", "addEvidence", provider, kind: .page) { _, context, service in
            try await EvidenceForm.save(try await state(context, service, changing: true), itemID: nil, user: try context.user,
                                        context: context, service: service)
        }.withFiles(),
        Route(.get, "/self-assessments/{id}/evidence/{item}/edit", "editEvidencePage", provider, kind: .page) { _, context, service in
            try EvidenceForm.filled(try await state(context, service), itemID: context.parameters.get("item") ?? "", context: context,
                                    service: service)
        },
        Route(.post, "/self-assessments/{id}/evidence/{item}", "changeEvidence", provider, kind: .page) { _, context, service in
            try await EvidenceForm.save(try await state(context, service, changing: true), itemID: context.parameters.get("item") ?? "",
                                        user: try context.user, context: context, service: service)
        }.withFiles(),
        Route(.get, "/self-assessments/{id}/facts", "factsPage", provider, kind: .page) { _, context, service in
            FactsForm.show(try await state(context, service), context: context, service: service)
        },
        Route(.post, "/self-assessments/{id}/facts", "saveFacts", provider, kind: .page) { _, context, service in
            try await FactsForm.save(try await state(context, service, changing: true), user: try context.user, context: context,
                                     service: service)
        },
        Route(.get, "/self-assessments/{id}/actions/new", "newActionPage", provider, kind: .page) { request, context, service in
            ActionForm.blank(try await state(context, service), indicator: request.query("indicator"), context: context, service: service)
        },
        Route(.post, "/self-assessments/{id}/actions", "addAction", provider, kind: .page) { _, context, service in
            try await ActionForm.save(try await state(context, service, changing: true), index: nil, user: try context.user,
                                      context: context, service: service)
        },
        Route(.get, "/self-assessments/{id}/actions/{number}/edit", "editActionPage", provider, kind: .page) { _, context, service in
            try ActionForm.filled(try await state(context, service), index: try context.number("number"), context: context,
                                  service: service)
        },
        Route(.post, "/self-assessments/{id}/actions/{number}", "changeAction", provider, kind: .page) { _, context, service in
            try await ActionForm.save(try await state(context, service, changing: true), index: try context.number("number"),
                                      user: try context.user, context: context, service: service)
        },
        Route(.get, "/self-assessments/{id}/import", "importVersionPage", provider, kind: .page) { _, context, service in
            ImportPage.show(into: try await service.submission(try context.id("id"), for: try context.user), context: context,
                            service: service)
        },
        Route(.post, "/self-assessments/{id}/import", "importVersion", provider, kind: .page) { _, context, service in
            let user = try context.user
            let record = try await service.submission(try context.id("id"), for: user, changing: true)
            return try await ImportPage.save(into: record, user: user, context: context, service: service)
        }.withFiles(),
        Route(.get, "/self-assessments/{id}/versions", "versionsPage", provider, kind: .page) { _, context, service in
            let user = try context.user
            let record = try await service.submission(try context.id("id"), for: user)
            let versions = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.versions(submissionID: record.id)
            }
            var rows: [(SubmissionVersion, BadgeView)] = []
            for version in versions {
                let outcome = try await service.checked(version, of: record).assessment.outcome
                rows.append((version, BadgeView(verdict: outcome.verdict, label: outcome.label)))
            }
            return VersionsPage.render(record, versions: rows, context: context, service: service)
        },
        Route(.get, "/self-assessments/{id}/versions/{number}/changes", "changesPage", provider, kind: .page) { _, context, service in
            let number = try context.number("number")
            return try await changes(context, service, from: max(number - 1, 1), to: number, afterSave: true)
        },
        Route(.get, "/self-assessments/{id}/compare", "comparePage", provider, kind: .page) { request, context, service in
            guard let from = request.query("from").flatMap(Int.init), let to = request.query("to").flatMap(Int.init) else {
                throw ServiceError.notFound
            }
            return try await changes(context, service, from: from, to: to, afterSave: false)
        },
        Route(.get, "/self-assessments/{id}/versions/{number}/submission.xml", "exportSubmission", provider, kind: .page) { _, context, service in
            let (record, version) = try await service.version(try context.id("id"), try context.number("number"), for: try context.user)
            return PageResponse.download(try await service.bytes(of: version.sha256), mediaType: "application/xml; charset=utf-8",
                                         fileName: SelfAssessmentFiles.exportName(record, version.number))
        },
        Route(.get, "/self-assessments/{id}/versions/{number}/report.html", "reportPage", provider, kind: .page) { _, context, service in
            let state = try await service.selfAssessment(try context.id("id"), version: try context.number("number"),
                                                         for: try context.user)
            return PageResponse.html(HTMLCheckReport().render(state.assessment))
        },
        Route(.post, "/self-assessments/{id}/versions/{number}/submit", "submitVersionPage", provider, kind: .page) { _, context, service in
            let user = try context.user
            let record = try await service.submission(try context.id("id"), for: user, changing: true)
            let number = try context.number("number")
            _ = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.submitVersion(submissionID: record.id, number: number, at: service.now, by: context.author)
            }
            return PageResponse.redirect(to: "/self-assessments/\(record.id)/versions/\(number)")
        },
    ]

    /// The latest version of the self-assessment the path names, when the user may see (or
    /// change) it; 404 otherwise.
    static func state(_ context: RespectRequestContext, _ service: WebService, changing: Bool = false) async throws -> SelfAssessment {
        let user = try context.user
        let id = try context.id("id")
        if changing { _ = try await service.submission(id, for: user, changing: true) }
        return try await service.selfAssessment(id, for: user)
    }

    static func changes(_ context: RespectRequestContext, _ service: WebService, from: Int, to: Int, afterSave: Bool) async throws -> Response {
        let user = try context.user
        let id = try context.id("id")
        let (record, old) = try await service.version(id, from, for: user)
        let (_, new) = try await service.version(id, to, for: user)
        let diff = AssessmentDiff(old: try await service.checked(old, of: record).assessment,
                                  new: try await service.checked(new, of: record).assessment)
        return ChangesPage.render(diff, path: "/self-assessments/\(record.id)", from: from, to: to, afterSave: afterSave,
                                  context: context, service: service)
    }
}
