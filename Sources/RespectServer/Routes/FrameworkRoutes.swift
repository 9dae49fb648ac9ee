import Foundation
import Hummingbird
import RespectModel

/// The framework editions installed (`respect frameworks`), and one edition's structure.
enum FrameworkRoutes {
    static let routes: [Route] = [
        Route(.get, "/api/v1/frameworks", "listFrameworks", .everyRole) { _, _, service in
            try JSONBody.response(try catalog(service).entries.map { FrameworkSummary($0.framework) }
                .sorted { $0.reference < $1.reference })
        },
        Route(.get, "/api/v1/frameworks/{reference}", "getFramework", .everyRole) { _, context, service in
            let parts = (context.parameters.get("reference") ?? "").split(separator: "@", maxSplits: 1).map(String.init)
            guard parts.count == 2, let entry = try catalog(service).entry(id: parts[0], edition: parts[1]) else {
                throw ServiceError.notFound
            }
            return try JSONBody.response(FrameworkDetail(entry.framework))
        },
    ]

    static func catalog(_ service: WebService) throws -> FrameworkCatalog {
        do {
            return try FrameworkCatalog(directory: service.engine.library.directory, loader: service.engine.loader)
        } catch {
            throw ServiceError(.missingInput, detail: error.description)
        }
    }
}

/// One installed edition, as `respect frameworks --format json` lists it.
struct FrameworkSummary: Encodable {
    var reference: String
    var id: String
    var edition: String
    var revision: Int
    var title: String
    var published: String
    var effective: String
    var supersedes: String?
    var supersededBy: String?
    var sections: Int
    var indicators: Int
    var mandatory: Int
    var safetyCritical: Int

    init(_ framework: Framework) {
        let identity = framework.identity
        reference = identity.reference
        id = identity.id
        edition = identity.edition
        revision = identity.revision
        title = framework.title
        published = identity.published.description
        effective = identity.effective.description
        supersedes = identity.supersedes
        supersededBy = identity.supersededBy
        sections = framework.sections.count
        indicators = framework.indicators.count
        mandatory = framework.indicators.filter { $0.level == .mandatory }.count
        safetyCritical = framework.indicators.filter(\.isSafetyCritical).count
    }
}

/// An edition's sections, standards and indicators.
struct FrameworkDetail: Encodable {
    struct IndicatorEntry: Encodable {
        var id: String
        var number: String
        var text: String
        var level: String
        var safetyCritical: Bool
    }

    struct StandardEntry: Encodable {
        var id: String
        var number: String
        var title: String
        var indicators: [IndicatorEntry]
    }

    struct SectionEntry: Encodable {
        var id: String
        var number: String
        var title: String
        var standards: [StandardEntry]
    }

    var summary: FrameworkSummary
    var notice: String
    var sections: [SectionEntry]

    init(_ framework: Framework) {
        summary = FrameworkSummary(framework)
        notice = framework.notice
        sections = framework.sections.map { section in
            SectionEntry(id: section.id, number: section.number, title: section.title, standards: section.standards.map { standard in
                StandardEntry(id: standard.id, number: standard.number, title: standard.title, indicators: standard.indicators.map {
                    IndicatorEntry(id: $0.id, number: $0.number, text: $0.text, level: $0.level.rawValue,
                                   safetyCritical: $0.isSafetyCritical)
                })
            })
        }
    }
}
