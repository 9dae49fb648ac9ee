public import RespectModel

extension EnglishWording: ReferenceWording {
    public func requirement(_ requirement: EvidenceRequirement, vocabulary: Vocabulary) -> [RequirementLine] {
        if case .allOf(let children) = requirement {
            return children.flatMap { self.requirement($0, vocabulary: vocabulary, depth: 0) }
        }
        return self.requirement(requirement, vocabulary: vocabulary, depth: 0)
    }

    private func requirement(_ requirement: EvidenceRequirement, vocabulary: Vocabulary, depth: Int) -> [RequirementLine] {
        func group(_ heading: String, _ children: [EvidenceRequirement]) -> [RequirementLine] {
            [RequirementLine(depth: depth, text: MarkedText([.text(heading)]))]
                + children.flatMap { self.requirement($0, vocabulary: vocabulary, depth: depth + 1) }
        }
        switch requirement {
        case .allOf(let children): return group("all of:", children)
        case .anyOf(let children): return group("one of:", children)
        case .atLeast(let count, let children): return group("at least \(count) of:", children)
        case .evidence(let rule):
            var qualifiers: [String] = []
            if let months = rule.maximumAgeMonths {
                qualifiers.append("issued in the \(months) month\(months == 1 ? "" : "s") before the as-of date")
            }
            if rule.requiresReviewDateNotPassed { qualifiers.append("with a review-by date not yet passed") }
            let count = "\(rule.minimumCount) item\(rule.minimumCount == 1 ? "" : "s") of type "
            let label = " (“\(vocabulary.evidenceLabel(rule.type))”)"
            let rest = qualifiers.isEmpty ? "" : (rule.minimumCount == 1 ? ", " : ", each ") + qualifiers.joined(separator: " and ")
            return [RequirementLine(depth: depth, text: MarkedText([.text(count), .code(rule.type), .text(label + rest)]))]
        case .fact(let threshold):
            let label = vocabulary.fact(threshold.factID).map { " (\($0.label))" } ?? ""
            return [RequirementLine(depth: depth, text: MarkedText([.text("fact "), .code(threshold.factID),
                                                                   .text(" " + self.threshold(threshold) + label)]))]
        case .service(let type):
            return [RequirementLine(depth: depth, text: MarkedText([.text("the service "), .code(type),
                                                                   .text(" (“\(vocabulary.serviceLabel(type))”) offered")]))]
        }
    }

    public func applicability(_ applicability: Applicability) -> String {
        switch (applicability.serviceTypes, applicability.riskLevels) {
        case (nil, nil): "every service"
        case (let services?, nil): services.joined(separator: ", ")
        case (nil, let risks?): "every service, at risk levels " + risks.joined(separator: ", ")
        case (let services?, let risks?): services.joined(separator: ", ") + ", at risk levels " + risks.joined(separator: ", ")
        }
    }

    public func level(_ level: Level) -> String {
        level.rawValue
    }

    public func verificationMode(_ verification: Verification) -> String {
        self.verification(verification)
    }

    public func factValue(_ fact: FactDefinition) -> String {
        switch fact.kind {
        case .boolean: "true or false"
        case .number:
            switch fact.unit {
            case nil: "a number"
            case "percent": "a percentage (0 to 100)"
            case "count": "a count"
            case let unit?: "a number of \(unit)"
            }
        }
    }

    public func templateIntroduction(_ reference: FrameworkReference) -> [String] {
        let framework = reference.framework
        let services = (reference.services ?? []).map { "\($0.serviceType) (\(framework.vocabulary.serviceLabel($0.serviceType)))" }
        return [
            "A skeleton submission for \(framework.title) (\(framework.identity.reference)), written by `respect template`.",
            "Services: " + services.joined(separator: "; ") + ".",
            "",
            "It is valid as it stands (`respect validate FILE` exits 0) and `respect check FILE` lists everything",
            "as missing until you fill it in. Replace the provider's name, add charityNumber=\"…\" or",
            "companyNumber=\"…\", remove any risk level a service does not serve, then add your evidence, facts",
            "and action plan after </services> as the notes below show. Every indicator that applies to these",
            "services is listed below with what to provide; nothing needs inventing.",
            "",
            "Every id, evidence type, fact and unit, to read or print (`respect help frameworks show` for a web page):",
            "  respect frameworks show \(framework.identity.reference)",
            "Or keep your evidence in a spreadsheet and build this file from it: see `respect help import`.",
        ]
    }

    public func templateEvidenceHelp(_ reference: FrameworkReference) -> [String] {
        let example = reference.indicators.first { !$0.requirement.evidenceRules.isEmpty }
        let type = example?.requirement.evidenceRules.first?.type ?? reference.framework.vocabulary.evidenceTypes.first?.id ?? "policy"
        let supports = example?.id ?? "INDICATOR-ID"
        return [
            "EVIDENCE: one <item> per document, inside <evidence> … </evidence>, straight after </services>:",
            "",
            "<evidence>",
            "  <item id=\"a-short-id-you-choose\" type=\"\(type)\" issued=\"2026-01-31\" reviewBy=\"2027-01-31\">",
            "    <title>The document's title, as your staff know it</title>",
            "    <file path=\"evidence/the-document.pdf\" sha256=\"its SHA-256: 64 characters from sha256sum\"/>",
            "    <supports>\(supports)</supports>",
            "  </item>",
            "</evidence>",
            "",
            "type: an evidence type id below. issued, reviewBy: dates as YYYY-MM-DD (reviewBy only when the",
            "document has one). <file> is optional. <supports>: the ids of the indicators the document is",
            "evidence for, separated by spaces.",
        ]
    }

    public func templateFactsHelp(_ reference: FrameworkReference) -> [String] {
        let facts = reference.factsUsed
        guard !facts.isEmpty else { return [] }
        let starts = facts.map { fact in
            "  <fact id=\"\(fact.id)\"" + (fact.unit.map { " unit=\"\($0)\"" } ?? "") + ">" + (fact.kind == .boolean ? "true" : "0") + "</fact>"
        }
        let width = starts.map(\.count).max() ?? 0
        let lines = zip(facts, starts).map { fact, start in
            start + String(repeating: " ", count: width - start.count) + "  \(factValue(fact)): \(fact.label)"
        }
        return ["FACTS: after </evidence>, one <fact> per figure you state, with the unit shown:", "", "<facts>"]
            + lines + ["</facts>", "", "Replace 0 or true with your own figure; leave out the facts you cannot state."]
    }

    public func templateActionsHelp(_ reference: FrameworkReference) -> [String] {
        [
            "ACTION PLAN: after </facts>, one <action> per indicator you have not met yet, with who does it",
            "and by when (the outcome rules say how far ahead a due date may be):",
            "",
            "<actionPlan>",
            "  <action indicator=\"INDICATOR-ID\" due=\"2026-12-31\" owner=\"Name or role\">What will be done</action>",
            "</actionPlan>",
        ]
    }
}
