import Foundation
import Hummingbird
import RespectModel
import RespectStore

/// Adding and editing an evidence item: its type chosen by label from the framework's list, a
/// title, the issue and review-by dates, the indicators it supports (grouped by section, the
/// applicable ones), and an optional file, stored by SHA-256 as soon as it arrives so that a
/// form sent back with an error never loses it. Saving writes the next version and shows what
/// changed in the verdict.
enum EvidenceForm {
    struct View: Sendable, Encodable {
        var path: String
        var action: String
        var isNew: Bool
        var heading: String
        var basedOn: Int
        var form: FormState
        var types: [Option]
        var sections: [SectionOptions]
        /// A file already stored for this item (kept from an earlier attempt, or the item's own).
        var keptFile: KeptFile?
    }

    struct Option: Sendable, Encodable {
        var value: String
        var label: String
        var chosen: Bool
    }

    struct SectionOptions: Sendable, Encodable {
        var number: String
        var title: String
        var fieldID: String
        var indicators: [IndicatorOption]
        /// Open when one of its indicators is ticked.
        var open: Bool
    }

    struct IndicatorOption: Sendable, Encodable {
        var id: String
        var number: String
        var text: String
        var chosen: Bool
        var fieldID: String
    }

    struct KeptFile: Sendable, Encodable {
        var name: String
        var sha256: String
    }

    // MARK: - Showing the form

    /// The empty form, with `indicator` ticked and `type` chosen when the link that opened it named them.
    static func blank(_ state: SelfAssessment, indicator: String?, type: String?, context: RespectRequestContext,
                      service: WebService) -> Response {
        var form = FormState()
        form.set("id", suggestedID(state.submission, type: type))
        if let type, state.framework.vocabulary.evidenceType(type) != nil { form.choose("type", type) }
        if let indicator, state.framework.linkTarget(id: indicator) != nil { form.choose("supports", indicator) }
        form.set("basedOn", String(state.version.number))
        return render(state, form: form, itemID: nil, keptFile: nil, context: context, service: service)
    }

    /// The form filled with an item's values.
    static func filled(_ state: SelfAssessment, itemID: String, context: RespectRequestContext, service: WebService) throws -> Response {
        guard let item = state.submission.evidence.first(where: { $0.id == itemID }) else { throw ServiceError.notFound }
        var form = FormState()
        form.set("id", item.id)
        form.choose("type", item.type)
        form.set("title", item.title)
        form.set("issued", item.issued.description)
        form.set("reviewBy", item.reviewBy?.description)
        for indicator in item.supports { form.choose("supports", indicator) }
        form.set("basedOn", String(state.version.number))
        let kept = item.file.map { KeptFile(name: $0.path, sha256: $0.sha256) }
        return render(state, form: form, itemID: itemID, keptFile: kept, context: context, service: service)
    }

    static func render(_ state: SelfAssessment, form: FormState, itemID: String?, keptFile: KeptFile?,
                       context: RespectRequestContext, service: WebService, status: HTTPResponse.Status = .ok) -> Response {
        let catalogue = service.catalogue
        let framework = state.framework
        let applicable = Set(state.assessment.indicators.filter { $0.status != .notApplicable }.map(\.id))
        // The gates (preconditions such as membership) first, as a section of their own.
        let gateOptions = framework.gates.map { gate in
            IndicatorOption(id: gate.id, number: gate.number, text: gate.indicator.text, chosen: form.isChosen("supports", gate.id),
                            fieldID: "supports-" + gate.id)
        }
        let gateSection = gateOptions.isEmpty ? [] : [SectionOptions(number: "0", title: catalogue["missing_gateSection"], fieldID: "section-gates",
                                                                     indicators: gateOptions, open: gateOptions.contains(where: \.chosen))]
        let sections = gateSection + framework.sections.compactMap { section -> SectionOptions? in
            let indicators = section.standards.flatMap(\.indicators)
                .filter { applicable.contains($0.id) || form.isChosen("supports", $0.id) }
                .map { IndicatorOption(id: $0.id, number: $0.number, text: $0.text, chosen: form.isChosen("supports", $0.id),
                                       fieldID: "supports-" + $0.id) }
            return indicators.isEmpty ? nil : SectionOptions(number: section.number, title: section.title,
                                                             fieldID: "section-" + section.id, indicators: indicators,
                                                             open: indicators.contains(where: \.chosen))
        }
        var types = framework.vocabulary.evidenceTypes.map { Option(value: $0.id, label: $0.label, chosen: form.isChosen("type", $0.id)) }
        types.sort { $0.label.localizedCaseInsensitiveCompare($1.label) == .orderedAscending }
        let heading = itemID == nil ? catalogue["evidence_newHeading"] : catalogue.format("evidence_editHeading", ["id": itemID ?? ""])
        let view = View(path: state.path, action: itemID.map { state.path + "/evidence/" + $0 } ?? state.path + "/evidence",
                        isNew: itemID == nil, heading: heading, basedOn: state.version.number, form: form, types: types,
                        sections: sections, keptFile: keptFile)
        let title = (form.hasProblems ? catalogue["form_errorPrefix"] + " " : "") + heading
        return service.page("evidence-form", PageFrame(title: title, context: context, catalogue: catalogue, section: "/home"), view,
                            status: status)
    }

    // MARK: - Saving

    /// Validates the posted item; saves the next version and redirects to what changed, or
    /// shows the form again with everything typed and each error beside its field.
    static func save(_ state: SelfAssessment, itemID: String?, user: UserAccount, context: RespectRequestContext,
                     service: WebService) async throws -> Response {
        let posted = context.form
        var form = FormState(posted)
        let catalogue = service.catalogue
        var submission = state.submission

        // The file is kept first, so that nothing sent is lost if something else is wrong.
        var kept: KeptFile?
        if let upload = posted.file("file") {
            let stored = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.addEvidenceFile(submissionID: state.record.id, content: FileContent(upload.bytes),
                                                        fileName: upload.fileName, mediaType: upload.mediaType,
                                                        at: service.now, by: context.author)
            }
            kept = KeptFile(name: upload.fileName, sha256: stored.sha256)
        } else if let digest = posted["keptSHA256"], !digest.isEmpty {
            // Only a file already attached to this self-assessment can be kept.
            let found = try await service.run { () async throws(ServiceStoreError) in
                try await service.store.evidenceFile(submissionID: state.record.id, sha256: digest)
            }
            if let found { kept = KeptFile(name: posted["keptName"].flatMap { $0.isEmpty ? nil : $0 } ?? found.fileName, sha256: found.sha256) }
        }

        let original = itemID.flatMap { id in submission.evidence.first { $0.id == id } }
        if itemID != nil, original == nil { throw ServiceError.notFound }
        let id = posted.text("id")
        if !EditorInput.isIdentifier(id) {
            form.fail("id", catalogue["evidence_idInvalid"])
        } else if id != itemID, submission.evidence.contains(where: { $0.id == id }) {
            form.fail("id", catalogue.format("evidence_idTaken", ["id": id]))
        }
        let type = posted.text("type")
        if state.framework.vocabulary.evidenceType(type) == nil { form.fail("type", catalogue["evidence_typeMissing"]) }
        let title = posted.text("title")
        if title.isEmpty { form.fail("title", catalogue["evidence_titleMissing"]) }
        if title.count > EditorInput.maximumText { form.fail("title", catalogue["form_tooLong"]) }
        let issued = EditorInput.date(posted.text("issued"))
        if issued == nil { form.fail("issued", catalogue["evidence_issuedInvalid"]) }
        var reviewBy: CalendarDate?
        let reviewText = posted.text("reviewBy")
        if !reviewText.isEmpty {
            reviewBy = EditorInput.date(reviewText)
            if reviewBy == nil {
                form.fail("reviewBy", catalogue["evidence_reviewByInvalid"])
            } else if let issued, let reviewBy, reviewBy < issued {
                form.fail("reviewBy", catalogue["evidence_reviewBeforeIssue"])
            }
        }
        let supports = posted.all("supports").filter { state.framework.linkTarget(id: $0) != nil }
        if supports.isEmpty { form.fail("supports", catalogue["evidence_supportsMissing"]) }
        if let based = Int(posted.text("basedOn")), based != state.record.latestVersion {
            form.fail("basedOn", catalogue.format("form_stale", ["version": String(state.record.latestVersion)]))
        }

        if !form.hasProblems, let issued {
            let file = kept.map { FileReference(path: $0.name, sha256: $0.sha256) } ?? original?.file
            let item = EvidenceItem(id: id, type: type, title: title, issued: issued, reviewBy: reviewBy, file: file, supports: supports)
            if let index = submission.evidence.firstIndex(where: { $0.id == itemID }) {
                submission.evidence[index] = item
                // Facts that cite the item follow its new id.
                for factIndex in submission.facts.indices where submission.facts[factIndex].sourceEvidenceID == itemID {
                    submission.facts[factIndex].sourceEvidenceID = id
                }
            } else {
                submission.evidence.append(item)
            }
            do {
                let saved = try await service.saveVersion(submission, of: state.record, user: user, context: context)
                return PageResponse.redirect(to: "\(state.path)/versions/\(saved.number)/changes")
            } catch let error as ServiceError where error.code == .badData {
                form.fail("id", error.detail ?? catalogue.message(for: error.code))
            }
        }
        return render(state, form: form, itemID: itemID, keptFile: kept ?? original?.file.map { KeptFile(name: $0.path, sha256: $0.sha256) },
                      context: context, service: service, status: .unprocessableContent)
    }

    /// `ev-TYPE-N`, the first such id not taken.
    static func suggestedID(_ submission: Submission, type: String?) -> String {
        let stem = "ev-" + (type ?? "item")
        let taken = Set(submission.evidence.map(\.id))
        var number = submission.evidence.count + 1
        while taken.contains("\(stem)-\(number)") { number += 1 }
        return String("\(stem)-\(number)".prefix(80))
    }
}
