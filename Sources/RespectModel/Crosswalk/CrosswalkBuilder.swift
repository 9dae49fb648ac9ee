import RespectXML

/// Turns a validated crosswalk document into a `Crosswalk`. The references into the two
/// frameworks are checked when the frameworks are known (`Crosswalk.problems`).
struct CrosswalkBuilder {
    private var log: ProblemLog

    init(file: String) {
        log = ProblemLog(file: file)
    }

    func build(_ root: XMLElement) throws(DocumentLoadError) -> Crosswalk {
        var builder = self
        let crosswalk = builder.crosswalk(root)
        if !builder.log.problems.isEmpty { throw .inconsistent(builder.log.problems) }
        return crosswalk
    }

    private mutating func crosswalk(_ root: XMLElement) -> Crosswalk {
        func reference(_ name: String) -> FrameworkTarget {
            guard let element = root.firstChild(named: name) else {
                log.report("element 'crosswalk' needs a '\(name)' child", at: root)
                return FrameworkTarget(framework: "", edition: "")
            }
            return FrameworkTarget(framework: log.required("framework", of: element), edition: log.required("edition", of: element))
        }
        let standards = root.children(named: "standard").map { element in
            let standardID = log.required("ref", of: element)
            var seen = Set<String>()
            let mappings = element.children(named: "indicator").compactMap { indicator -> Crosswalk.Mapping? in
                let id = log.required("ref", of: indicator)
                guard seen.insert(id).inserted else {
                    log.report("indicator '\(id)' is mapped to standard '\(standardID)' twice; expected each indicator once per standard", at: indicator)
                    return nil
                }
                let fit = Crosswalk.Fit(rawValue: indicator.attribute("fit") ?? "full") ?? .full
                return Crosswalk.Mapping(indicatorID: id, fit: fit, line: indicator.location.line)
            }
            return Crosswalk.TargetStandard(standardID: standardID, note: element.firstChild(named: "note")?.trimmedText,
                                            indicators: mappings, line: element.location.line)
        }
        return Crosswalk(id: log.required("id", of: root), revision: log.integer("revision", of: root) ?? 1,
                         title: log.requiredChildText("title", of: root), notice: log.requiredChildText("notice", of: root),
                         source: reference("from"), target: reference("to"), standards: standards, file: log.file)
    }
}
