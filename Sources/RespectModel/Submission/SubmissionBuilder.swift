import RespectXML

/// Turns a validated submission document into a `Submission`. Checks against the targeted
/// framework's vocabulary happen at evaluation, where the framework is known.
struct SubmissionBuilder {
    private(set) var log: ProblemLog
    private let maxEvidenceItems: Int

    init(file: String, maxEvidenceItems: Int = DocumentLoader.defaultMaxEvidenceItems) {
        log = ProblemLog(file: file)
        self.maxEvidenceItems = maxEvidenceItems
    }

    /// The submission of a validated document. `handedOver`: its evidence items, read as the
    /// parser handed them over (`EvidenceItemReader`), when the tree holds none of them.
    func build(_ root: XMLElement, handedOver: HandedOverItems? = nil) throws(DocumentLoadError) -> Submission {
        var builder = self
        // The items are counted, and only the first one over the limit is asked for its line.
        let treeItems = handedOver == nil ? root.firstChild(named: "evidence")?.children ?? [] : []
        let count = handedOver?.items.count ?? treeItems.count
        if count > maxEvidenceItems {
            let line = handedOver.map { $0.items[maxEvidenceItems].line } ?? treeItems[maxEvidenceItems].location.line
            builder.log.report("the submission has \(count) evidence items, over the limit of \(maxEvidenceItems); "
                               + "if the submission is genuine, raise the limit with --max-evidence-items", line: line)
            throw .inconsistent(builder.log.problems)
        }
        let submission = builder.submission(root, handedOver: handedOver)
        if !builder.log.problems.isEmpty { throw .inconsistent(builder.log.problems) }
        return submission
    }

    private mutating func submission(_ root: XMLElement, handedOver: HandedOverItems?) -> Submission {
        let providerElement = root.firstChild(named: "provider")
        let provider = Provider(
            name: providerElement.map { log.required("name", of: $0).trimmingSpaces } ?? "",
            charityNumber: providerElement?.attribute("charityNumber"),
            companyNumber: providerElement?.attribute("companyNumber"),
            region: providerElement?.attribute("region"))
        let targetElement = root.firstChild(named: "target")
        let target = FrameworkTarget(framework: targetElement.map { log.required("framework", of: $0) } ?? "",
                                     edition: targetElement.map { log.required("edition", of: $0) } ?? "")
        let services = root.firstChild(named: "services")?.children(named: "service").map { element in
            OfferedService(serviceType: log.required("type", of: element), riskLevels: element.listAttribute("risks") ?? [],
                           line: element.location.line)
        } ?? []
        var evidence: [EvidenceItem] = []
        if let handedOver {
            evidence = handedOver.items
            log.append(handedOver.problems)
        } else if let items = root.firstChild(named: "evidence")?.children {
            evidence.reserveCapacity(items.count)
            // Straight from the children, read in place (no filtered copy, no copy of each
            // element): a pack can hold thousands of items.
            for index in items.indices where items[index].name == "item" { evidence.append(readItem(items[index])) }
        }
        let facts = root.firstChild(named: "facts")?.children(named: "fact").compactMap { readFact($0) } ?? []
        let actions = root.firstChild(named: "actionPlan")?.children(named: "action").map { element in
            PlannedAction(indicatorID: log.required("indicator", of: element), due: log.requiredDate("due", of: element),
                          owner: log.required("owner", of: element), action: element.trimmedText, line: element.location.line)
        } ?? []
        return Submission(provider: provider, target: target, asOf: log.date("asOf", of: root), services: services,
                          evidence: evidence, facts: facts, actionPlan: actions, source: log.file)
    }

    mutating func readItem(_ element: XMLElement) -> EvidenceItem {
        // Children are read in place (by position), not copied: a pack has thousands of items.
        let children = element.children
        var file: FileReference?
        if let position = element.firstChildPosition(named: "file") {
            file = FileReference(path: log.required("path", of: children[position]), sha256: log.required("sha256", of: children[position]))
        }
        let supports = element.firstChildPosition(named: "supports").map { children[$0].text.spaceSeparatedTokens } ?? []
        let issued = log.requiredDate("issued", of: element)
        let reviewBy = log.date("reviewBy", of: element)
        let id = log.required("id", of: element)
        if let reviewBy, reviewBy < issued {
            log.report("evidence '\(id)' has review-by date \(reviewBy) before its issue date \(issued); expected review-by on or after issue", at: element)
        }
        return EvidenceItem(id: id, type: log.required("type", of: element),
                            title: log.requiredChildText("title", of: element), issued: issued, reviewBy: reviewBy,
                            file: file, supports: supports,
                            line: element.location.line)
    }

    private mutating func readFact(_ element: XMLElement) -> StatedFact? {
        let text = element.trimmedText
        guard let value = FactValue(text) else {
            log.report("fact '\(element.attribute("id") ?? "")' has value '\(text)'; expected a decimal number (at most 12 digits before the point, 6 after) or true/false", at: element)
            return nil
        }
        return StatedFact(id: log.required("id", of: element), value: value, unit: element.attribute("unit"),
                          sourceEvidenceID: element.attribute("source"), line: element.location.line)
    }
}
