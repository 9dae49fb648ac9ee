import RespectModel

/// The evidence items of one generated submission, built leaf by leaf.
///
/// Items that count may be shared: a policy offered for one indicator is often offered for
/// another that needs the same type, as in real packs. Items made to fail (too old, past
/// review) are never shared, so a failure stays with the indicator it was planned for.
struct EvidencePack {
    struct Draft {
        var item: EvidenceItem
        /// Counts wherever its type is asked for within its age (never true for items made to fail).
        var shareable: Bool
    }

    let asOf: CalendarDate
    let vocabulary: Vocabulary
    private(set) var drafts: [Draft] = []
    private var usedIDs: Set<String> = []

    init(asOf: CalendarDate, vocabulary: Vocabulary) {
        self.asOf = asOf
        self.vocabulary = vocabulary
    }

    var count: Int { drafts.count }

    /// The item ids linked to `indicator`, in order.
    func items(linkedTo indicator: String) -> [String] {
        drafts.filter { $0.item.supports.contains(indicator) }.map(\.item.id)
    }

    /// Adds the items `plan` asks for, linked to `indicator`.
    mutating func provide(_ rule: EvidenceRule, _ plan: EvidencePlan, for indicator: Indicator, section: Section,
                          random: inout SplitMix64) {
        switch plan {
        case .valid(let count):
            var candidates = drafts.indices.filter { counts(drafts[$0], for: rule, indicator: indicator.id) }
            for _ in 0..<count {
                if !candidates.isEmpty, random.chance(0.45) {
                    let chosen = candidates.remove(at: random.int(in: 0...(candidates.count - 1)))
                    drafts[chosen].item.supports.append(indicator.id)
                } else {
                    add(rule, for: indicator, section: section, issuedDaysBack: validAge(rule, &random),
                        reviewBy: validReviewDate(rule, &random), shareable: true, random: &random)
                }
            }
        case .tooOld(let count):
            let oldest = asOf.adding(months: -(rule.maximumAgeMonths ?? 36))
            for _ in 0..<count {
                let daysBack = asOf.days(until: oldest) * -1 + random.int(in: 5...420)
                let reviewBy = rule.requiresReviewDateNotPassed ? asOf.adding(days: random.int(in: 30...700)) : nil
                add(rule, for: indicator, section: section, issuedDaysBack: daysBack, reviewBy: reviewBy,
                    shareable: false, random: &random)
            }
        case .reviewPassed(let count):
            for _ in 0..<count {
                let limit = rule.maximumAgeMonths.map { oldest in asOf.adding(months: -oldest).days(until: asOf) } ?? 1400
                let daysBack = random.int(in: min(limit, 200)...limit)
                let overdue = random.int(in: 1...min(daysBack, 300))
                add(rule, for: indicator, section: section, issuedDaysBack: daysBack,
                    reviewBy: asOf.adding(days: -overdue), shareable: false, random: &random)
            }
        }
    }

    /// An older or extra item for a leaf that is already satisfied: a previous version, or
    /// one more record of the same kind. It never changes the indicator's status.
    mutating func addFiller(_ rule: EvidenceRule, for indicator: Indicator, section: Section, random: inout SplitMix64) {
        if random.chance(0.5) {
            add(rule, for: indicator, section: section, issuedDaysBack: validAge(rule, &random),
                reviewBy: validReviewDate(rule, &random), shareable: false, random: &random)
        } else {
            let oldest = rule.maximumAgeMonths.map { asOf.adding(months: -$0).days(until: asOf) } ?? 1000
            add(rule, for: indicator, section: section, issuedDaysBack: oldest + random.int(in: 30...900),
                reviewBy: nil, shareable: false, random: &random)
        }
    }

    private func counts(_ draft: Draft, for rule: EvidenceRule, indicator: String) -> Bool {
        let item = draft.item
        guard draft.shareable, item.type == rule.type, !item.supports.contains(indicator) else { return false }
        if let months = rule.maximumAgeMonths, item.issued < asOf.adding(months: -months) { return false }
        if rule.requiresReviewDateNotPassed { return item.reviewBy.map { $0 >= asOf } ?? false }
        return true
    }

    /// Days before the as-of date for an item that is within the rule's age limit.
    private func validAge(_ rule: EvidenceRule, _ random: inout SplitMix64) -> Int {
        guard let months = rule.maximumAgeMonths else { return random.int(in: 20...1100) }
        let span = asOf.adding(months: -months).days(until: asOf)
        return random.int(in: 1...max(1, span - 1))
    }

    private func validReviewDate(_ rule: EvidenceRule, _ random: inout SplitMix64) -> CalendarDate? {
        if rule.requiresReviewDateNotPassed { return asOf.adding(days: random.int(in: 20...1000)) }
        return random.chance(0.3) ? asOf.adding(days: random.int(in: 30...900)) : nil
    }

    private mutating func add(_ rule: EvidenceRule, for indicator: Indicator, section: Section, issuedDaysBack: Int,
                              reviewBy: CalendarDate?, shareable: Bool, random: inout SplitMix64) {
        let issued = asOf.adding(days: -issuedDaysBack)
        let label = CorpusText.shortLabel(vocabulary.evidenceLabel(rule.type))
        let title = CorpusText.title(label: label, indicator: indicator, issued: issued, random: &random)
        let id = uniqueID(section: section, type: rule.type)
        var file: FileReference?
        if random.chance(0.9) {
            let path = "evidence/\(section.number)-\(CorpusText.slug(section.title))/\(CorpusText.slug(title)).\(random.pick(CorpusText.extensions))"
            file = FileReference(path: path, sha256: random.hex(count: 64))
        }
        let item = EvidenceItem(id: id, type: rule.type, title: title, issued: issued,
                                reviewBy: reviewBy.map { max($0, issued) }, file: file, supports: [indicator.id])
        drafts.append(Draft(item: item, shareable: shareable))
    }

    private mutating func uniqueID(section: Section, type: String) -> String {
        let stem = "\(CorpusText.slug(section.id).prefix(12))-\(type.prefix(24))-"
        var number = drafts.count + 1
        while !usedIDs.insert(stem + CorpusText.padded(number, width: 3)).inserted { number += 1 }
        return stem + CorpusText.padded(number, width: 3)
    }
}
