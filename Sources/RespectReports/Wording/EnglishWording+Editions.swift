public import RespectEvaluation

extension EnglishWording {
    public func message(_ note: MigrationNote) -> String {
        switch note {
        case .newIndicator(let old, let new):
            "new in \(new): no \(old) indicator carries into it"
        case .requirementChanged(let change):
            message(change)
        case .provide(let provision):
            "provide " + message(provision)
        }
    }

    /// "count training-record: at least 1 → at least 2".
    public func message(_ change: RequirementChange) -> String {
        let parts = requirementChange(change)
        return (parts.subject.map { "\(change.kind.rawValue) \($0)" } ?? change.kind.rawValue)
            + ": \(parts.old ?? "none") → \(parts.new ?? "none")"
    }

    public func requirementChange(_ change: RequirementChange) -> (subject: String?, old: String?, new: String?) {
        let required = "required"
        switch change {
        case .evidenceType(let type, let isRequired):
            return (type, isRequired ? nil : required, isRequired ? required : nil)
        case .count(let type, let old, let new):
            return (type, "at least \(old)", "at least \(new)")
        case .age(let type, let old, let new):
            return (type, age(old), age(new))
        case .reviewDate(let type, let old, let new):
            return (type, review(old), review(new))
        case .threshold(let fact, let old, let new):
            return (fact, old.map(threshold), new.map(threshold))
        case .service(let type, let isRequired):
            return (type, isRequired ? nil : required, isRequired ? required : nil)
        case .applicability(let axis, let old, let new):
            return (axis == .serviceTypes ? "services" : "risk levels", list(old), list(new))
        case .level(let old, let new):
            return (nil, old.rawValue, new.rawValue)
        case .safetyCritical(let old, let new):
            return (nil, String(old), String(new))
        case .verification(let old, let new):
            return (nil, old.map(\.rawValue).joined(separator: ", "), new.map(\.rawValue).joined(separator: ", "))
        }
    }

    public func termKind(_ kind: EditionDiff.TermRename.TermKind) -> String {
        switch kind {
        case .serviceType: "service type"
        case .evidenceType: "evidence type"
        }
    }

    private func age(_ months: Int?) -> String {
        months.map { "at most \($0) months old" } ?? "any age"
    }

    private func review(_ required: Bool) -> String {
        required ? "within review date" : "review date not checked"
    }

    private func list(_ values: [String]?) -> String {
        values.map { $0.joined(separator: ", ") } ?? "all"
    }
}
