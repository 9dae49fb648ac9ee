import RespectXML

/// Turns a validated findings document into `Findings`, checking what the XSD cannot: the
/// subject names at least one identifier, every finding has an assessor, and an expiry is not
/// before the finding's date. Whether the ids exist is checked when the findings are applied.
struct FindingsBuilder {
    private var log: ProblemLog

    init(file: String) {
        log = ProblemLog(file: file)
    }

    func build(_ root: XMLElement) throws(DocumentLoadError) -> Findings {
        var builder = self
        let findings = builder.findings(root)
        if !builder.log.problems.isEmpty { throw .inconsistent(builder.log.problems) }
        return findings
    }

    private mutating func findings(_ root: XMLElement) -> Findings {
        var subject = FindingsSubject()
        if let element = root.firstChild(named: "subject") {
            subject = FindingsSubject(provider: element.attribute("provider")?.trimmingSpaces,
                                      charityNumber: element.attribute("charityNumber"),
                                      companyNumber: element.attribute("companyNumber"),
                                      submissionSHA256: element.attribute("submissionSha256"))
            if subject == FindingsSubject() {
                log.report("element 'subject' names no submission; expected at least one of provider, charityNumber, companyNumber, submissionSha256", at: element)
            }
        } else {
            log.report("element 'findings' needs a 'subject' child naming the submission", at: root)
        }
        let defaultAssessor = root.attribute("assessor")?.trimmingSpaces
        let items = root.children.compactMap { element -> Finding? in
            switch element.name {
            case "indicator": return finding(element, kind: .indicator, defaultAssessor: defaultAssessor)
            case "evidence": return finding(element, kind: .evidence, defaultAssessor: defaultAssessor)
            default: return nil
            }
        }
        return Findings(subject: subject, findings: items, source: log.file)
    }

    private mutating func finding(_ element: XMLElement, kind: FindingTargetKind, defaultAssessor: String?) -> Finding {
        let id = log.required("id", of: element)
        let decisionText = log.required("decision", of: element)
        let decision = FindingDecision(rawValue: decisionText) ?? .needsSiteVisit
        if FindingDecision(rawValue: decisionText) == nil {
            log.report("finding on '\(id)' has decision '\(decisionText)'; expected accepted, rejected or needs-site-visit", at: element)
        }
        let assessor = element.attribute("assessor")?.trimmingSpaces ?? defaultAssessor ?? ""
        if assessor.isEmpty {
            log.report("finding on '\(id)' names no assessor; expected assessor=\"NAME\" on it or on the root 'findings' element", at: element)
        }
        let date = log.requiredDate("date", of: element)
        let expires = log.date("expires", of: element)
        if let expires, expires < date {
            log.report("finding on '\(id)' expires \(expires), before its date \(date); expected an expiry on or after the date", at: element)
        }
        return Finding(kind: kind, targetID: id, decision: decision, reason: log.requiredChildText("reason", of: element),
                       assessor: assessor, date: date, expires: expires, fileSHA256: element.attribute("fileSha256"),
                       line: element.location.line)
    }
}
