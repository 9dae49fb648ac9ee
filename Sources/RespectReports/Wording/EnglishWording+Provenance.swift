public import RespectEvaluation
public import RespectModel

extension EnglishWording {
    public func provenance(_ provenance: Provenance?) -> String {
        guard let provenance else { return "modelled" }
        var words = provenance.basis.rawValue
        if let confidence = provenance.confidence { words += ", \(confidence.rawValue) confidence" }
        if let source = provenance.source { words += provenance.isSourced ? " (source: \(source))" : " (modelled from: \(source))" }
        return words
    }

    public func criteriaBasis(_ assessment: Assessment) -> String {
        let applicable = assessment.indicators.filter { $0.status != .notApplicable }
        let sourced = applicable.filter { $0.provenance?.isSourced ?? false }.count
        return "\(sourced) of \(applicable.count) applicable indicators are stated by a public source; "
            + "the other \(applicable.count - sourced) are this project's modelling (see standards/README.md)."
    }

    public func gateFailure(_ gate: GateMention) -> String {
        "Gate \(gate.number) \(gate.id) is not passed: \(gate.message)"
    }
}
