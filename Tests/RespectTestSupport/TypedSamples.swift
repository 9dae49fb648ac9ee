public import RespectEvaluation
public import RespectModel

/// One value of every code of every typed result value (reasons, provisions, warnings,
/// conditions, tender reasons, requirement changes, migration notes, the engine's view beside a
/// finding, advisories), with figures filled in, for coding and wording tests. `codes` below
/// checks each list covers every `Kind`.
public enum TypedSamples {
    static let date = CalendarDate("2026-06-30")!
    static let later = CalendarDate("2026-12-31")!
    static let policy = TermReference(id: "policy", label: "Policy")
    static let weeks = TermReference(id: "programme-weeks", label: "Programme length")
    static let iss = TermReference(id: "iss", label: "Integrated support service")
    static let threshold = FactThreshold(factID: "programme-weeks", comparison: .ge, value: .number(ExactDecimal("22.5")!), unit: "weeks")
    static let yesNo = FactThreshold(factID: "separate-workers", comparison: .eq, value: .boolean(true), unit: nil)
    static let sixteenWeeks = StatedValue(value: .number(ExactDecimal(16)), unit: "weeks")
    static let mention = IndicatorMention(id: "duration", number: "2.1.1")
    static let item = EvidenceMention(id: "E1", title: "Safeguarding policy", type: policy)

    public static let reasons: [Reason] = [
        .noEvidence(evidenceType: policy, required: 2),
        .tooFewItems(evidenceType: policy, counted: 1, required: 2),
        .tooOld(evidenceID: "E1", evidenceType: policy, issued: CalendarDate("2024-01-15")!, oldestAccepted: CalendarDate("2025-06-30")!,
                maximumAgeMonths: 12, asOf: date),
        .reviewDatePassed(evidenceID: "E1", evidenceType: policy, reviewBy: CalendarDate("2026-06-29")!, asOf: date),
        .reviewDateMissing(evidenceID: "E1", evidenceType: policy),
        .issuedAfterAsOf(evidenceID: "E1", evidenceType: policy, issued: later, asOf: date),
        .unknownEvidenceType(evidenceType: TermReference(id: "polcy", label: "polcy")),
        .factMissing(fact: weeks, threshold: threshold),
        .factUnitMismatch(fact: weeks, stated: StatedValue(value: .number(ExactDecimal(6)), unit: "months"), threshold: threshold),
        .factKindMismatch(fact: weeks, stated: StatedValue(value: .boolean(true), unit: nil), threshold: threshold),
        .thresholdFailed(fact: weeks, stated: sixteenWeeks, threshold: threshold),
        .factNotBacked(fact: weeks, source: nil, sourceType: nil, allowedSourceTypes: [policy]),
        .factNotBacked(fact: weeks, source: "E2", sourceType: TermReference(id: "training-record", label: "Training record"), allowedSourceTypes: nil),
        .serviceNotOffered(serviceType: iss),
        .alternativesNotMet(met: 1, required: 2, of: 3),
        .notApplicable(serviceTypes: [iss], riskLevels: nil),
        .notApplicable(serviceTypes: nil, riskLevels: [TermReference(id: "high", label: "High")]),
        .needsAssessor(verification: .siteVisit),
        .assessorFinding(AssessorFindingReason(effect: .evidenceRejected, decision: .rejected, assessor: "A. Assessor", date: date,
                                               assessorReason: "Attendance only.", evidenceID: "E2")),
        .assessorFinding(AssessorFindingReason(effect: .indicatorDecision, decision: .accepted, assessor: "A. Assessor", date: date,
                                               assessorReason: "Seen on site.")),
        .evidenceFileNotConfirmed(evidenceID: "E1", evidenceType: policy, path: "policies/safeguarding.pdf", problem: .missing),
        .evidenceFileNotConfirmed(evidenceID: "E1", evidenceType: policy, path: "policies/safeguarding.pdf",
                                  problem: .different(actualSHA256: String(repeating: "b", count: 64))),
    ]

    static let evidence = EvidenceProvision(count: 2, more: true, evidenceType: policy, indicator: "policy-current",
                                            issuedOnOrAfter: CalendarDate("2025-06-30"), reviewByOnOrAfter: date)

    public static let provisions: [Provision] = [
        .evidence(evidence),
        .fact(fact: weeks, threshold: threshold),
        .service(serviceType: iss),
        .oneOf(alternatives: [[.evidence(evidence)], [.fact(fact: weeks, threshold: threshold), .service(serviceType: iss)]]),
        .moreOf(count: 1, options: [[.evidence(evidence)], [.service(serviceType: iss)]]),
        .answerFinding(assessor: "A. Assessor", date: date, assessorReason: "Attendance only."),
        .factSource(fact: weeks, allowedSourceTypes: [policy]),
        .factSource(fact: weeks, allowedSourceTypes: nil),
    ]

    public static let warnings: [Warning] = [
        Warning(.reviewDueSoon(item: item, reviewBy: later, asOf: date), line: 11),
        Warning(.ageLimitSoon(item: item, lastDay: later, maximumAgeMonths: 6, indicators: ["training-recent", "duration"]), line: 11),
        Warning(.unknownIndicator(evidenceID: "E2", indicators: ["u0", "u1"], count: 7, edition: "mini@1", nearest: ["u0": "u"]), line: 16),
        Warning(.unknownEvidenceType(evidenceID: "E4", evidenceType: TermReference(id: "polcy", label: "polcy"), edition: "mini@1", nearest: "policy"), line: 24),
        Warning(.unknownFact(fact: "no-such-fact", edition: "mini@1", nearest: nil), line: 40),
        Warning(.factUnitMismatch(fact: "programme-weeks", stated: sixteenWeeks, expectedKind: .number, expectedUnit: nil), line: 41),
        Warning(.issuedAfterAsOf(evidenceID: "E7", issued: later, asOf: date), line: 32),
        Warning(.editionMismatch(target: "mini@1", edition: "mini@2")),
        Warning(.supersededEdition(edition: "mini@2", successor: "3")),
        Warning(.actionForUnknownIndicator(indicator: "nowhere", edition: "mini@1", nearest: "now-here"), line: 45),
        Warning(.migratedEdition(from: "ed@1", to: "ed@2")),
        Warning(.findingsNotForSubmission(subject: FindingsSubject(provider: "Another Provider", charityNumber: "2000002"),
                                          provider: "Mini Test Services", submissionSHA256: String(repeating: "a", count: 64)),
                file: "findings.xml"),
        Warning(.unknownFindingTarget(target: .indicator, id: "no-such-indicator", edition: "mini@1"), line: 6, file: "findings.xml"),
        Warning(.unknownFindingTarget(target: .evidence, id: "E99", edition: nil), line: 9, file: "findings.xml"),
        Warning(.findingNotApplied(target: .evidence, id: "E1", because: .fileChanged(judgedSHA256: String(repeating: "f", count: 64))),
                line: 12, file: "findings.xml"),
        Warning(.findingNotApplied(target: .indicator, id: "iss-in-place", because: .indicatorNotApplicable), line: 5, file: "findings.xml"),
        Warning(.findingExpired(target: .indicator, id: "policy-current", expired: CalendarDate("2026-06-29")!, asOf: date), line: 16, file: "findings.xml"),
        Warning(.evidenceFileNotConfirmed(evidenceID: "E1", path: "../outside.pdf", declaredSHA256: String(repeating: "a", count: 64),
                                          problem: .outsideRoot), line: 11),
        Warning(.evidenceFileNotConfirmed(evidenceID: "E1", path: "policies/safeguarding.pdf", declaredSHA256: String(repeating: "a", count: 64),
                                          problem: .different(actualSHA256: String(repeating: "b", count: 64))), line: 11),
    ]

    public static let conditions: [ConditionResult] = [
        ConditionResult(condition: .allMandatoryMet(acceptNeedsAssessor: true), holds: false,
                        figures: .allMandatoryMet(met: 4, applicable: 5, provisional: 1, unmet: [mention])),
        ConditionResult(condition: .noSafetyCriticalFailure, holds: false,
                        figures: .noSafetyCriticalFailure(failures: [IndicatorMention(id: "iss-in-place", number: "3.1.1")])),
        ConditionResult(condition: .sectionCoverage(minPercent: ExactDecimal("50.5")!, level: .desirable), holds: false,
                        figures: .sectionCoverage(below: [SectionCoverage(section: "org", number: "1", title: "Organisation", met: 0, applicable: 2)])),
        ConditionResult(condition: .mandatoryMetPercent(minPercent: ExactDecimal(50)), holds: true, figures: .mandatoryMetPercent(met: 4, applicable: 5)),
        ConditionResult(condition: .actionPlanCoversUnmetMandatory(withinMonths: 6), holds: false,
                        figures: .actionPlanCoversUnmetMandatory(from: date, to: later, unmet: 2,
                                                                 uncovered: [UncoveredIndicator(indicator: mention, firstActionDue: CalendarDate("2027-01-01")),
                                                                             UncoveredIndicator(indicator: IndicatorMention(id: "x", number: "9.9"), firstActionDue: nil)])),
        ConditionResult(condition: .tierMet(tier: "smp", acceptNeedsAssessor: true), holds: false,
                        figures: .tierMet(met: 2, applicable: 3, provisional: 1, unmet: [mention])),
    ]

    static let section = SectionOutcomeResult(section: "org", number: "1", title: "Organisation", outcome: .notYet, accept: [.achieved],
                                              accepted: false, clause: "T7", applicable: 4, mandatoryMet: 1, mandatoryApplicable: 2,
                                              unmetMandatory: [IndicatorMention(id: "training-recent", number: "1.1.2")], safetyCriticalFailures: [],
                                              withoutAction: [IndicatorMention(id: "training-recent", number: "1.1.2")],
                                              actionsFrom: date, actionsBy: CalendarDate("2026-10-01"))

    public static let tenderReasons: [TenderReason] = [
        TenderReason(.unreadable(problems: ["bid.xml:3: expected '>'"])),
        TenderReason(.notEvaluated(edition: "mini@1", problems: ["service type 'x' is not defined"])),
        TenderReason(.safetyCritical(indicator: IndicatorMention(id: "iss-in-place", number: "3.1.1"), status: .partlyMet, firstReason: reasons[10])),
        TenderReason(.editionNotAccepted(bid: "mini@2", accepted: ["mini@1"]), clause: "T2"),
        TenderReason(.outcomeNotAccepted(outcome: .workingTowards, mandatoryMet: 5, mandatoryApplicable: 6, accepted: [.achieved]), clause: "T2"),
        TenderReason(.sectionOutcomeNotAccepted(section), clause: "T7"),
        TenderReason(.serviceNotOffered(serviceType: iss, offered: ["group"]), clause: "T3"),
        TenderReason(.riskLevelNotServed(serviceType: "group", served: ["high"], required: ["standard", "high"], missing: ["standard"]), clause: "T3"),
        TenderReason(.thresholdFailed(TenderThresholdFailure(fact: "programme-weeks", stated: sixteenWeeks, threshold: threshold,
                                                             frameworkThresholds: [yesNo], replacedAt: [mention], indicator: mention)), clause: "T4"),
        TenderReason(.thresholdFailed(TenderThresholdFailure(fact: "programme-weeks", stated: nil, threshold: threshold,
                                                             frameworkThresholds: [], replacedAt: [], indicator: mention))),
        TenderReason(.localIndicatorNotMet(indicator: IndicatorMention(id: "local-board", number: "L.1"), status: .notMet, reasons: [reasons[0]]), clause: "T6"),
        TenderReason(.actionDueAfterContractStart(indicator: mention, due: CalendarDate("2026-10-02")!, contractStart: CalendarDate("2026-10-01")!), clause: "T5"),
    ]

    public static let requirementChanges: [RequirementChange] = [
        .evidenceType("risk-review-record", required: true),
        .count(evidenceType: "training-record", old: 1, new: 2),
        .age(evidenceType: "training-record", oldMonths: nil, newMonths: 12),
        .reviewDate(evidenceType: "policy", old: false, new: true),
        .threshold(fact: "programme-weeks", old: threshold, new: nil),
        .service("iss", required: false),
        .applicability(.serviceTypes, old: ["group"], new: nil),
        .applicability(.riskLevels, old: nil, new: ["high", "standard"]),
        .level(old: .mandatory, new: .desirable),
        .safetyCritical(old: false, new: true),
        .verification(old: [.desk], new: [.caseSample, .siteVisit]),
    ]

    public static let migrationNotes: [MigrationNote] = [
        .newIndicator(oldEdition: "2012", newEdition: "2017"),
        .requirementChanged(requirementChanges[1]),
        .provide(provisions[0]),
    ]

    public static let automatedViews: [AutomatedView] = [
        .status(.needsAssessor),
        .unknownIndicator,
        .unknownEvidence,
        .countedFor(["facilitation", "two-of-three"]),
        .notCounted([IndicatorReason(indicator: "training-recent", reason: reasons[2])]),
    ]

    public static let advisories: [Advisory] = Advisory.allCases

    static let factAddition = FactAddition(fact: weeks, value: StatedValue(value: .number(ExactDecimal(23)), unit: "weeks"),
                                           thresholds: [threshold], sourceTypes: [policy], changesValue: true)
    static let offer = ServiceOffer(serviceType: iss, riskLevels: [TermReference(id: "high", label: "High")])

    public static let planCauses: [PlanCause] = [
        .safetyCritical,
        .allMandatory,
        .mandatoryPercent(minPercent: ExactDecimal("62.5")!),
        .sectionCoverage(minPercent: ExactDecimal(50), level: .desirable, section: SectionMention(id: "org", number: "1", title: "Organisation")),
        .actionPlan(withinMonths: 6),
        .gate,
        .tier("smp"),
    ]

    public static let planAdditions: [PlanAddition] = [
        .evidence(evidence),
        .fact(factAddition),
        .fact(FactAddition(fact: weeks, value: sixteenWeeks, thresholds: [], sourceTypes: nil, changesValue: false)),
        .service(offer),
    ]

    public static let planChanges: [PlanChange] = [
        .meet(additions: [.evidence(evidence), .fact(factAddition)]),
        .awaitAssessor(additions: [.service(offer)], verification: .caseSample),
        .addAction(from: date, to: later),
        .assessorOnly(verification: .siteVisit),
        .answerFinding(assessor: "A. Assessor", date: date, assessorReason: "Attendance only."),
    ]
}
