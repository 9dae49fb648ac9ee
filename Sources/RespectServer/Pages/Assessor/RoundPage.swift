import Hummingbird
import RespectEvaluation
import RespectModel
import RespectStore

/// A round across submitted assessments: the outcomes, the indicators most often missing, and
/// per section the share of applicable indicators met, as an inline SVG chart with the same
/// figures in a table (the chart is decoration for sighted readers; the table carries them).
enum RoundPage {
    struct View: Sendable, Encodable {
        var name: String
        var created: String
        var entries: Int
        var outcomes: [OutcomeRow]
        var missing: [MissingRow]
        var hasMissing: Bool
        var sections: [SectionRow]
        var chart: Chart
        var unscored: Int
    }

    struct OutcomeRow: Sendable, Encodable {
        var label: String
        var count: Int
        var badge: BadgeView
    }

    struct MissingRow: Sendable, Encodable {
        var number: String
        var text: String
        var count: Int
        var tag: LevelTag
    }

    struct SectionRow: Sendable, Encodable {
        var number: String
        var title: String
        var met: Int
        var applicable: Int
        var percent: Int
    }

    /// Bars drawn from the section figures: one row per section, the bar's width its percentage.
    struct Chart: Sendable, Encodable {
        var height: Int
        var bars: [Bar]
    }

    struct Bar: Sendable, Encodable {
        var y: Int
        var textY: Int
        var width: Int
        var label: String
        var value: String
        var valueX: Int
    }

    static let mostMissingShown = 10

    static func render(_ round: RoundRecord, context: RespectRequestContext, service: WebService) async throws -> Response {
        let catalogue = service.catalogue
        var assessments: [Assessment] = []
        for entry in round.entries {
            guard let runID = entry.run else { continue }
            let stored = try await RunRoutes.stored(runID, service: service)
            assessments.append(stored.assessment)
        }
        var outcomes: [String: (Verdict, Int)] = [:]
        var missing: [String: (IndicatorResult, Int)] = [:]
        var sections: [String: SectionRow] = [:]
        var sectionOrder: [String] = []
        for assessment in assessments {
            outcomes[assessment.outcome.label, default: (assessment.outcome.verdict, 0)].1 += 1
            for result in assessment.indicators where result.status.isUnmet {
                missing[result.id, default: (result, 0)].1 += 1
            }
            for section in assessment.sections {
                if sections[section.id] == nil {
                    sectionOrder.append(section.id)
                    sections[section.id] = SectionRow(number: section.number, title: section.title, met: 0, applicable: 0, percent: 0)
                }
                sections[section.id]?.met += section.counts.met
                sections[section.id]?.applicable += section.counts.applicable
            }
        }
        let sectionRows = sectionOrder.compactMap { id -> SectionRow? in
            guard var row = sections[id] else { return nil }
            row.percent = row.applicable == 0 ? 0 : Int((Double(row.met) * 100 / Double(row.applicable)).rounded())
            return row
        }
        let missingRows = missing.values.sorted { ($1.1, $0.0.number) < ($0.1, $1.0.number) }.prefix(mostMissingShown).map { result, count in
            MissingRow(number: result.number, text: result.text, count: count,
                       tag: LevelTag(level: result.level, safetyCritical: result.safetyCritical, catalogue: catalogue))
        }
        let outcomeRows = outcomes.sorted { $0.value.1 > $1.value.1 || ($0.value.1 == $1.value.1 && $0.key < $1.key) }.map { label, value in
            OutcomeRow(label: label, count: value.1, badge: BadgeView(verdict: value.0, label: label))
        }
        let view = View(name: round.name, created: PageDates.dateTime(round.createdAt), entries: round.entries.count, outcomes: outcomeRows,
                        missing: Array(missingRows), hasMissing: !missingRows.isEmpty, sections: sectionRows, chart: chart(sectionRows),
                        unscored: round.entries.count - assessments.count)
        return service.page("round", PageFrame(title: catalogue.format("round_title", ["name": round.name]), context: context,
                                               catalogue: catalogue, section: "/rounds"), view)
    }

    /// Bars 0–100% over 300 units of width, after a 40-unit label column; 28 units a row.
    static func chart(_ rows: [SectionRow]) -> Chart {
        Chart(height: rows.count * 28 + 8, bars: rows.enumerated().map { index, row in
            let width = row.percent * 3
            return Bar(y: index * 28 + 4, textY: index * 28 + 22, width: max(width, 1), label: row.number, value: "\(row.percent)%",
                       valueX: 44 + width + 6)
        })
    }
}
