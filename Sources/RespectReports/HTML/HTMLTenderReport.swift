public import RespectEvaluation
import RespectModel

/// Renders a tender comparison as one self-contained HTML5 page for a commissioner: the
/// tender's terms, any unsafe bids, the comparison table, then each bid's reasons (with the
/// bid's figure, the required figure and the clause), its section outcomes, its score and the
/// engine's outcome underneath; then the tender's own clause wording and the inputs.
///
/// Inline CSS only, no scripts, no external assets; every input string is escaped; the same
/// result always gives the same bytes.
public struct HTMLTenderReport: Sendable {
    /// The words for the engine's typed values.
    public var wording: any Wording

    public init(wording: any Wording = EnglishWording()) {
        self.wording = wording
    }

    /// The whole HTML document.
    public func render(_ result: TenderResult) -> String {
        var page = HTMLPage(title: "Tender check (advisory): \(result.tender.reference)")
        page.header = header(result)
        let unsafe = result.bids.filter(\.unsafe)
        if !unsafe.isEmpty { page.append(unsafeBanner(unsafe)) }
        page.append(comparison(result))
        page.append(HTMLPage.section(id: "bids", heading: "Each bid", result.bids.enumerated().map { bidDetail($1, index: $0 + 1) }))
        if let clauses = clauses(result) { page.append(clauses) }
        page.append(inputs(result))
        page.footer = [
            .element("p", text: wording.message(result.advisory)),
            .element("p", class: "muted", text: "Respect Standard self-assessment engine \(result.engineVersion); bids judged as of the deadline, \(result.asOf)."),
        ]
        return page.render()
    }

    // MARK: - Terms of the tender

    private func header(_ result: TenderResult) -> [HTMLNode] {
        let tender = result.tender
        var terms: [(String, HTMLNode)] = [
            ("Commissioner", .text(tender.commissioner)),
            ("Deadline", .text("\(tender.deadline): every bid's evidence is judged as of this date")),
        ]
        if let start = tender.contractStart {
            terms.append(("Contract start", .text(start.description + (tender.actionsDueByContractStart ? ": actions for unmet mandatory indicators must be due by then" : ""))))
        }
        terms.append(("Editions accepted", .text(tender.frameworks.map(\.reference).joined(separator: ", "))))
        terms.append(("Outcomes accepted", .text(verdicts(tender.acceptedOutcomes))))
        for section in tender.sectionOutcomes {
            terms.append(("Section \(section.section)", .text(verdicts(section.accept) + " required" + cite(section.clause))))
        }
        for change in result.thresholdChanges {
            terms.append(("Stricter threshold", .fragment([
                .text("\(change.number) "), .element("code", text: change.indicator),
                .text(": " + wording.thresholdChange(change) + cite(change.clause)),
            ])))
        }
        if !tender.ranking.isEmpty {
            terms.append(("Ranking weights", .text(tender.ranking.map { "\($0.label.isEmpty ? $0.id : $0.label) × \(number($0.weight))" }.joined(separator: "; "))))
        }
        var nodes: [HTMLNode] = [
            .element("p", class: "kicker", text: "Tender check · advisory report"),
            .element("h1", text: "Tender \(tender.reference): bid comparison"),
            .element("p", class: "subtitle", text: tender.title),
            .element("p", class: "advisory", [.element("strong", text: "Advisory only. "), .text(wording.message(result.advisory))]),
        ]
        if let notice = tender.notice { nodes.append(.element("p", class: "notice", [.element("strong", text: "Notice: "), .text(notice)])) }
        nodes.append(HTMLCheckReport.definitionList(terms, class: "meta"))
        return nodes
    }

    // MARK: - Unsafe bids

    private func unsafeBanner(_ unsafe: [TenderBidResult]) -> HTMLNode {
        let items = unsafe.map { bid -> HTMLNode in
            .element("li", [
                .element("strong", text: "✗ \(name(bid))"), .text(" ("), .element("code", text: bid.file), .text(")"),
                .element("ul", bid.safetyCriticalFailures.map { failure in
                    .element("li", [.text("\(failure.number) "), .element("code", text: failure.id), .text(": \(failure.text)")])
                }),
            ])
        }
        return HTMLPage.section(id: "unsafe", heading: "⚠ Unsafe \(unsafe.count == 1 ? "bid" : "bids") (\(unsafe.count))", class: "safety", [
            .element("p", [.element("strong", text: "Survivor safety comes first."),
                           .text(" A safety-critical indicator fails: \(unsafe.count == 1 ? "this bid is" : "these bids are") never compliant, whatever the score.")]),
            .element("ul", items),
        ])
    }

    // MARK: - Comparison table

    private func comparison(_ result: TenderResult) -> HTMLNode {
        var table = HTMLTable(caption: "Bids: compliant ones by rank, then the others", columns: [
            .init("Provider"), .init("Rank", numeric: true), .init("Verdict"), .init("Engine outcome"),
            .init("Mandatory met", numeric: true), .init("Score", numeric: true), .init("Main reason"),
        ], layout: .stack, className: "comparison")
        for (index, bid) in result.bids.enumerated() {
            let outcome: HTMLNode = bid.outcome.map { HTMLBadge.verdict($0, label: bid.outcomeLabel ?? $0.label) } ?? .text("not evaluated")
            table.addRow(.element("a", attributes: [HTMLAttribute("href", "#" + anchor(bid, index: index + 1))], text: name(bid)), [
                .text(bid.rank.map(String.init) ?? "–"),
                verdictBadge(bid),
                outcome,
                .text(bid.mandatoryMet.map { "\($0) of \(bid.mandatoryApplicable ?? 0)" } ?? "–"),
                .text(bid.score.map { TenderCSVReport.decimal($0.total) } ?? "–"),
                .text(mainReason(bid)),
            ])
        }
        let plural = result.bids.count == 1 ? "" : "s"
        return HTMLPage.section(id: "comparison", heading: "Comparison: \(result.compliantCount) of \(result.bids.count) bid\(plural) compliant", [
            table.node,
            .element("p", class: "muted", text: "A bid is compliant only when it meets every rule of the tender; the score ranks compliant bids and never makes a non-compliant bid compliant."),
        ])
    }

    /// The first reason in a few words, with both figures and the clause, and how many more.
    private func mainReason(_ bid: TenderBidResult) -> String {
        guard let first = bid.reasons.first else { return "meets every requirement of the tender" }
        var text = wording.tenderReasonTag(first.kind)
        let figures = wording.tenderFigures(first)
        switch first.cause {
        case .safetyCritical(let indicator, let status, _), .localIndicatorNotMet(let indicator, let status, _):
            text += ": \(indicator.id) is \(wording.status(status))"
        default:
            if let bid = figures.bid, let required = figures.required {
                text += ": bid \(bid); required \(required)"
            } else if let indicator = first.indicator {
                text += ": \(indicator.id)"
            }
        }
        text += cite(first.clause)
        if bid.reasons.count > 1 { text += "; and \(bid.reasons.count - 1) more" }
        return text
    }

    private func verdictBadge(_ bid: TenderBidResult) -> HTMLNode {
        if bid.unsafe { return .element("span", class: "badge status-not-met", [hidden("⚠"), .text(" unsafe, not compliant")]) }
        if bid.compliant { return .element("span", class: "badge status-met", [hidden("✓"), .text(" compliant")]) }
        return .element("span", class: "badge status-not-met", [hidden("✗"), .text(" not compliant")])
    }

    // MARK: - One bid

    private func bidDetail(_ bid: TenderBidResult, index: Int) -> HTMLNode {
        var verdictWords = bid.unsafe ? "unsafe, not compliant" : (bid.compliant ? "compliant" : "not compliant")
        if let rank = bid.rank { verdictWords += ", rank \(rank)" }
        var content: [HTMLNode] = [
            .element("p", [verdictBadge(bid), .text(bid.score.map { " · score \(TenderCSVReport.decimal($0.total))" } ?? "")]),
            .element("p", [.text("File "), .element("code", text: bid.file),
                           .text(bid.target.map { ", targets \($0.reference)" } ?? "")]),
        ]
        if bid.reasons.isEmpty {
            content.append(.element("p", text: "Meets every requirement of the tender."))
        } else {
            content.append(.element("h4", text: "Why it is not compliant (\(bid.reasons.count))"))
            content.append(.element("ul", class: "conditions", bid.reasons.map(reason)))
        }
        if !bid.problems.isEmpty, bid.assessment == nil {
            content.append(.element("ul", class: "plain-list", bid.problems.map { .element("li", [.element("code", text: $0)]) }))
        }
        if !bid.sections.isEmpty { content.append(sections(bid)) }
        if let score = bid.score, !score.criteria.isEmpty { content.append(scoreTable(score, bid: bid)) }
        if let assessment = bid.assessment { content.append(engineOutcome(assessment)) }
        let id = anchor(bid, index: index)
        return .element("article", class: "entry" + (bid.unsafe ? " safety-critical" : ""),
                        attributes: [HTMLAttribute("id", id), HTMLAttribute("aria-labelledby", id + "-heading")],
                        [.element("h3", attributes: [HTMLAttribute("id", id + "-heading")], text: "\(index). \(name(bid)): \(verdictWords)")] + content)
    }

    private func reason(_ reason: TenderReason) -> HTMLNode {
        var detail: [String] = []
        let figures = wording.tenderFigures(reason)
        if let bid = figures.bid { detail.append("bid: \(bid)") }
        if let required = figures.required { detail.append("required: \(required)") }
        if let clause = reason.clause { detail.append("clause \(clause)") }
        return .element("li", class: "fails", [
            HTMLBadge.condition(holds: false), .text(" " + wording.message(reason)),
            detail.isEmpty ? .empty : .element("span", class: "condition-detail", text: detail.joined(separator: " · ")),
        ])
    }

    private func sections(_ bid: TenderBidResult) -> HTMLNode {
        var table = HTMLTable(caption: "Sections the tender names: \(name(bid))", columns: [
            .init("Section"), .init("Outcome"), .init("Required"), .init("Accepted"), .init("Figures"),
        ])
        for section in bid.sections {
            table.addRow(.text("\(section.number) \(section.title)"), [
                .text(wording.sectionOutcome(section.outcome)),
                .text(verdicts(section.accept) + cite(section.clause)),
                section.accepted ? .element("span", class: "badge status-met", [hidden("✓"), .text(" yes")])
                                 : .element("span", class: "badge status-not-met", [hidden("✗"), .text(" no")]),
                .text(wording.sectionDetail(section)),
            ])
        }
        return table.node
    }

    private func scoreTable(_ score: TenderScore, bid: TenderBidResult) -> HTMLNode {
        var table = HTMLTable(caption: "Score on the tender's weights: \(name(bid))", columns: [
            .init("Criterion"), .init("Met / applicable", numeric: true), .init("Share", numeric: true),
            .init("Weight", numeric: true), .init("Points", numeric: true),
        ])
        for criterion in score.criteria {
            table.addRow(.text(criterion.id), [
                .text("\(criterion.met) / \(criterion.applicable)"), .text(number(criterion.percent) + "%"),
                .text(number(criterion.weight)), .text(TenderCSVReport.decimal(criterion.points)),
            ])
        }
        table.addFooterRow("Total", [.empty, .empty, .empty, .text(TenderCSVReport.decimal(score.total))])
        return table.node
    }

    private func engineOutcome(_ a: Assessment) -> HTMLNode {
        let t = a.totals
        var nodes: [HTMLNode] = [
            .element("h4", text: "Engine outcome underneath"),
            .element("p", [HTMLBadge.verdict(a.outcome.verdict, label: a.outcome.label),
                           .text(" (rule "), .element("code", text: a.outcome.id),
                           .text("); mandatory met \(t.mandatoryMet) of \(t.mandatoryApplicable) applicable; desirable met \(t.desirableMet) of \(t.desirableApplicable); \(t.needsAssessor) await an assessor.")]),
        ]
        let failed = a.outcome.rulesTried.filter { !$0.matched && $0.conditions.contains { !$0.holds } }
        if !failed.isEmpty {
            nodes.append(.element("ul", class: "conditions", failed.map { trial in
                .element("li", class: "fails", [
                    .text("Not “\(trial.label)”, because:"),
                    .element("ul", trial.conditions.filter { !$0.holds }.map { condition in
                        .element("li", [.text(wording.conditionRule(condition) + ": "),
                                        .element("span", class: "condition-detail", text: wording.conditionDetail(condition))])
                    }),
                ])
            }))
        }
        return .fragment(nodes)
    }

    // MARK: - Clauses and inputs

    private func clauses(_ result: TenderResult) -> HTMLNode? {
        var cited = Set(result.thresholdChanges.compactMap(\.clause))
        for bid in result.bids {
            cited.formUnion(bid.reasons.compactMap(\.clause) + bid.sections.compactMap(\.clause))
        }
        let clauses = result.tender.clauses.filter { cited.contains($0.id) }
        guard !clauses.isEmpty else { return nil }
        let items = clauses.map { clause -> HTMLNode in
            .fragment([
                .element("dt", text: "Clause \(clause.id)" + (clause.heading.map { ": \($0)" } ?? "")),
                .element("dd", [.element("blockquote", [.element("p", text: clause.text)])]),
            ])
        }
        return HTMLPage.section(id: "clauses", heading: "Clauses cited (the tender's own wording)", [.element("dl", class: "fields", items)])
    }

    private func inputs(_ result: TenderResult) -> HTMLNode {
        var table = HTMLTable(caption: "Input files", columns: [.init("Role"), .init("File"), .init("SHA-256")])
        let bidInputs = result.bids.compactMap(\.input)
        for input in result.inputs + bidInputs {
            table.addRow(.text(input.role), [.element("code", text: input.path), .element("code", text: input.sha256)])
        }
        return HTMLPage.section(id: "inputs", heading: "Inputs", [
            table.node,
            .element("p", class: "muted", text: "The same inputs and engine version always give the same report."),
        ])
    }

    // MARK: - Helpers

    /// A unique fragment id for the bid at `index` (1-based): the position and its file name,
    /// made safe for an id.
    private func anchor(_ bid: TenderBidResult, index: Int) -> String {
        let base = bid.file.split(separator: "/").last.map(String.init) ?? bid.file
        let safe = base.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "-" }
        return "bid-\(index)-" + String(safe)
    }

    private func name(_ bid: TenderBidResult) -> String {
        bid.provider.isEmpty ? "(unreadable bid)" : bid.provider
    }

    private func hidden(_ glyph: String) -> HTMLNode {
        .element("span", attributes: [HTMLAttribute("aria-hidden", "true")], text: glyph)
    }

    private func verdicts(_ verdicts: [Verdict]) -> String {
        verdicts.map { $0.label.lowercased() }.joined(separator: " or ")
    }

    private func cite(_ clause: String?) -> String {
        clause.map { " (clause \($0))" } ?? ""
    }

    /// A figure without a needless ".0": 40, 12.5.
    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
