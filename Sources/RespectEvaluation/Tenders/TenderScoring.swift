import RespectModel

/// Scores assessed bids on the tender's weighted criteria and ranks the compliant ones.
///
/// `points = weight × met / applicable` per criterion, computed exactly in millionths and
/// rounded half up to 2 decimals only at the end, so equal figures always give equal scores.
struct TenderScoring {
    let criteria: [RankingCriterion]

    func score(_ assessment: Assessment) -> TenderScore {
        var totalMillionths: Int64 = 0
        let scores = criteria.map { criterion in
            var (met, applicable) = figures(criterion, assessment)
            if applicable == 0 { (met, applicable) = (1, 1) } // nothing applicable counts as 100 %
            let points = TenderScoring.divide(criterion.weight.millionths * Int64(met), by: Int64(applicable))
            totalMillionths += points
            return CriterionScore(id: criterion.id, measure: criterion.measure, section: criterion.sectionID,
                                  weight: criterion.weight.doubleValue, met: met, applicable: applicable,
                                  percent: TenderScoring.rounded(TenderScoring.divide(Int64(met) * 100_000_000, by: Int64(applicable)), places: 1),
                                  points: TenderScoring.rounded(points, places: 2))
        }
        return TenderScore(total: TenderScoring.rounded(totalMillionths, places: 2), criteria: scores)
    }

    /// (met, applicable) for a criterion; "met" includes needs-assessor, provisionally.
    private func figures(_ criterion: RankingCriterion, _ assessment: Assessment) -> (Int, Int) {
        let totals = assessment.totals
        switch criterion.measure {
        case .mandatoryMetPercent:
            return (totals.mandatoryMet, totals.mandatoryApplicable)
        case .desirableMetPercent:
            return (totals.desirableMet, totals.desirableApplicable)
        case .indicatorsMetPercent:
            return (totals.met + totals.needsAssessor, totals.applicable)
        case .sectionMetPercent:
            guard let counts = assessment.sections.first(where: { $0.id == criterion.sectionID })?.counts else { return (0, 0) }
            return (counts.met + counts.needsAssessor, counts.applicable)
        case .outcomeAchieved:
            return (assessment.outcome.verdict == .achieved ? 1 : 0, 1)
        }
    }

    /// `numerator / denominator`, rounded half up (both non-negative).
    static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        guard denominator > 0 else { return 0 }
        return (numerator * 2 + denominator) / (denominator * 2)
    }

    /// Millionths as a `Double` rounded half up to `places` decimals.
    static func rounded(_ millionths: Int64, places: Int) -> Double {
        var unit: Int64 = 1_000_000
        for _ in 0..<places { unit /= 10 }
        let steps = divide(millionths, by: unit)
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        return Double(steps) / scale
    }

    /// Orders bids for the comparison: compliant ones by score (highest first), then provider
    /// name (case-insensitive, then exact), then file, each given its rank; then the others by
    /// provider name and file.
    static func ranked(_ bids: [TenderBidResult]) -> [TenderBidResult] {
        func byName(_ lhs: TenderBidResult, _ rhs: TenderBidResult) -> Bool {
            let (left, right) = (lhs.provider.lowercased(), rhs.provider.lowercased())
            if left != right { return left < right }
            if lhs.provider != rhs.provider { return lhs.provider < rhs.provider }
            return lhs.file < rhs.file
        }
        var compliant = bids.filter(\.compliant).sorted { lhs, rhs in
            let (left, right) = (lhs.score?.total ?? 0, rhs.score?.total ?? 0)
            return left != right ? left > right : byName(lhs, rhs)
        }
        for index in compliant.indices { compliant[index].rank = index + 1 }
        let others = bids.filter { !$0.compliant }.map { bid -> TenderBidResult in
            var bid = bid
            bid.rank = nil
            return bid
        }.sorted(by: byName)
        return compliant + others
    }
}
