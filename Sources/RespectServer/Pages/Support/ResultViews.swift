import RespectEvaluation
import RespectModel
import RespectReports

/// A status shown as the reports show it: words, a glyph hidden from screen readers, and a
/// colour class, so nothing depends on colour alone.
struct BadgeView: Sendable, Encodable {
    var cssClass: String
    var glyph: String
    var words: String

    init(_ status: IndicatorStatus, catalogue: Catalogue) {
        cssClass = "badge status-" + status.rawValue
        glyph = HTMLBadge.glyph(status)
        words = catalogue.wording.status(status)
    }

    init(verdict: Verdict, label: String) {
        cssClass = "badge status-" + Self.statusName(verdict)
        glyph = HTMLBadge.glyph(verdict)
        words = label
    }

    init(cssClass: String, glyph: String, words: String) {
        self.cssClass = cssClass
        self.glyph = glyph
        self.words = words
    }

    static func statusName(_ verdict: Verdict) -> String {
        switch verdict {
        case .achieved: "met"
        case .workingTowards: "partly-met"
        case .notYet: "not-met"
        }
    }
}

/// An indicator's weight as a tag: "safety-critical", "mandatory" or "desirable".
struct LevelTag: Sendable, Encodable {
    var cssClass: String
    var words: String

    /// A precondition (a framework gate): checked before any indicator counts.
    init(precondition catalogue: Catalogue) {
        cssClass = "tag tag-safety"
        words = catalogue["level_precondition"]
    }

    init(level: Level, safetyCritical: Bool, catalogue: Catalogue) {
        if safetyCritical {
            cssClass = "tag tag-safety"
            words = catalogue["level_safetyCritical"]
        } else {
            cssClass = "tag tag-" + level.rawValue
            words = catalogue["level_" + level.rawValue]
        }
    }
}

/// The verdict box: the outcome's label in plain words (the framework's own), the rule's
/// description, and each condition of every rule tried with its figures.
struct VerdictView: Sendable, Encodable {
    struct Condition: Sendable, Encodable {
        var rule: String
        var detail: String
        var holds: Bool
        var badge: BadgeView
    }

    struct Rule: Sendable, Encodable {
        var label: String
        var matched: Bool
        var conditions: [Condition]
    }

    var cssClass: String
    var glyph: String
    var label: String
    var verdictName: String
    var description: String?
    /// Every rule tried, the matching one last.
    var rules: [Rule]

    init(_ outcome: OutcomeDecision, catalogue: Catalogue) {
        cssClass = HTMLBadge.verdictClass(outcome.verdict)
        glyph = HTMLBadge.glyph(outcome.verdict)
        label = outcome.label
        verdictName = catalogue["verdict_" + outcome.verdict.rawValue]
        // A gate (a precondition such as membership) decided it: its message, not the rule's
        // description, which speaks of rules that were not tried.
        description = outcome.failedGate.map { catalogue.wording.gateFailure($0) } ?? outcome.description
        rules = outcome.rulesTried.map { trial in
            Rule(label: trial.label, matched: trial.matched, conditions: trial.conditions.map { condition in
                Condition(rule: catalogue.wording.conditionRule(condition), detail: catalogue.wording.conditionDetail(condition),
                          holds: condition.holds,
                          badge: condition.holds ? BadgeView(cssClass: "badge status-met", glyph: "✓", words: catalogue["condition_holds"])
                                                 : BadgeView(cssClass: "badge status-not-met", glyph: "✗", words: catalogue["condition_fails"]))
            })
        }
    }
}

/// An indicator in a list: number, text, weight, status and what to provide.
struct IndicatorLine: Sendable, Encodable {
    var id: String
    var number: String
    var text: String
    var tag: LevelTag
    var badge: BadgeView
    var safetyCritical: Bool
    /// What to provide, in words (empty when met or not applicable).
    var toProvide: [String]
    var reasons: [String]
    var remediation: String
    var evidenceUsed: [String]

    init(_ result: IndicatorResult, catalogue: Catalogue) {
        id = result.id
        number = result.number
        text = result.text
        tag = LevelTag(level: result.level, safetyCritical: result.safetyCritical, catalogue: catalogue)
        badge = BadgeView(result.status, catalogue: catalogue)
        safetyCritical = result.safetyCritical
        toProvide = result.toProvide.map(catalogue.wording.message)
        reasons = result.reasons.map(catalogue.wording.message)
        remediation = result.remediation
        evidenceUsed = result.evidenceUsed
    }
}

/// An item of the missing-evidence list, in the order that lifts the verdict soonest:
/// safety-critical first, then mandatory, then desirable (the engine's order within each).
struct MissingLine: Sendable, Encodable {
    var id: String
    var number: String
    var text: String
    var section: String
    var tag: LevelTag
    var badge: BadgeView
    var toProvide: [String]
    var why: [String]
    var remediation: String
    var plannedAction: String?
    /// The first evidence type the indicator asks for, to open the evidence form with it chosen.
    var evidenceType: String?
    var mandatory: Bool
    /// One link per thing to provide: the evidence form with the type chosen, the facts form at
    /// the fact, or the editor's services.
    var actions: [ActionLink]

    /// `path`: the self-assessment's address, which the action links start from. A gate not
    /// passed (a precondition such as membership) comes first: no other line can change the
    /// verdict until it is.
    /// `limit`: at most this many lines, the first in that order (only they are worded).
    static func ordered(_ assessment: Assessment, path: String, catalogue: Catalogue, limit: Int = .max) -> [MissingLine] {
        let failed: [GateResult] = (assessment.gates ?? []).filter { !$0.passed }
        let gates = failed.prefix(limit).map { gate -> MissingLine in
            let result = gate.result
            return MissingLine(id: gate.id, number: gate.number, text: result.text, section: catalogue["missing_gateSection"],
                               tag: LevelTag(precondition: catalogue), badge: BadgeView(result.status, catalogue: catalogue),
                               toProvide: result.toProvide.map(catalogue.wording.message),
                               why: [gate.message] + result.reasons.map(catalogue.wording.message), remediation: result.remediation,
                               plannedAction: nil, evidenceType: firstEvidenceType(result.toProvide), mandatory: false,
                               actions: ActionLink.links(result.toProvide, indicator: IndicatorReference(id: gate.id, number: gate.number,
                                                                                                         text: result.text, section: result.section),
                                                         path: path, catalogue: catalogue))
        }
        // The items by position, ranked, then in the engine's order; only the first are worded.
        let groups = assessment.missingEvidence
        var order: [(rank: Int, group: Int, item: Int)] = []
        for group in groups.indices {
            for item in groups[group].items.indices {
                let missing = groups[group].items[item]
                order.append((missing.safetyCritical ? 0 : missing.level == .mandatory ? 1 : 2, group, item))
            }
        }
        order.sort { ($0.rank, $0.group, $0.item) < ($1.rank, $1.group, $1.item) }
        return gates + order.prefix(max(0, limit - gates.count)).map { position in
            let group = groups[position.group]
            let item = group.items[position.item]
            return MissingLine(id: item.indicator.id, number: item.indicator.number, text: item.indicator.text,
                               section: "\(group.sectionNumber) \(group.sectionTitle)",
                               tag: LevelTag(level: item.level, safetyCritical: item.safetyCritical, catalogue: catalogue),
                               badge: BadgeView(item.status, catalogue: catalogue),
                               toProvide: item.toProvide.map(catalogue.wording.message), why: item.why.map(catalogue.wording.message),
                               remediation: item.remediation,
                               plannedAction: item.plannedAction.map { catalogue.format("missing_planned", ["action": $0.action, "owner": $0.owner, "due": $0.due.description]) },
                               evidenceType: firstEvidenceType(item.toProvide), mandatory: item.level == .mandatory,
                               actions: ActionLink.links(item.toProvide, indicator: item.indicator, path: path, catalogue: catalogue))
        }
    }

    /// How many lines `ordered` gives without a limit: the gates not passed and every missing item.
    static func count(_ assessment: Assessment) -> Int {
        (assessment.gates ?? []).count { !$0.passed } + assessment.missingEvidence.reduce(0) { $0 + $1.items.count }
    }

    static func firstEvidenceType(_ provisions: [Provision]) -> String? {
        for provision in provisions {
            switch provision {
            case .evidence(let evidence): return evidence.evidenceType.id
            case .oneOf(let alternatives): if let found = alternatives.lazy.compactMap(firstEvidenceType).first { return found }
            case .moreOf(_, let options): if let found = options.lazy.compactMap(firstEvidenceType).first { return found }
            case .fact, .factSource, .service, .answerFinding: continue
            }
        }
        return nil
    }
}

/// A link that acts on one thing to provide.
struct ActionLink: Sendable, Encodable {
    var href: String
    var label: String

    /// The links for `provisions` (the first alternative of a choice, each option still needed).
    static func links(_ provisions: [Provision], indicator: IndicatorReference, path: String, catalogue: Catalogue) -> [ActionLink] {
        var links: [ActionLink] = []
        func add(_ provision: Provision) {
            switch provision {
            case .evidence(let evidence):
                links.append(ActionLink(href: "\(path)/evidence/new?indicator=\(evidence.indicator)&type=\(evidence.evidenceType.id)",
                                        label: catalogue.format("missing_addEvidence", ["type": evidence.evidenceType.label,
                                                                                        "number": indicator.number])))
            case .fact(let fact, _), .factSource(let fact, _):
                links.append(ActionLink(href: "\(path)/facts#fact-\(fact.id)", label: catalogue.format("missing_stateFact", ["fact": fact.label])))
            case .service(let type):
                links.append(ActionLink(href: "\(path)/edit#service-\(type.id)", label: catalogue.format("missing_offerService", ["service": type.label])))
            case .oneOf(let alternatives):
                alternatives.first?.forEach(add)
            case .moreOf(_, let options):
                options.first?.forEach(add)
            case .answerFinding:
                links.append(ActionLink(href: "\(path)/evidence/new?indicator=\(indicator.id)",
                                        label: catalogue.format("missing_answerFinding", ["number": indicator.number])))
            }
        }
        provisions.forEach(add)
        return links
    }
}
