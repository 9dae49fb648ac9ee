import RespectEvaluation
import RespectModel

/// The edition rules of `respect check`: a framework edition that another installed edition
/// supersedes says so; a submission written for an older installed edition of the same
/// framework is carried over through the declared links when evaluated under a newer one (with a
/// migration checklist); and an optional crosswalk adds the provider's status on another
/// framework's standards.
struct EditionAwareCheck {
    let standards: String
    let loader: DocumentLoader

    /// The assessment and the extra input files it read (the older edition, the crosswalk and
    /// its target framework). `findings` (already matched to this submission) are applied.
    func assess(_ submission: Submission, entry: FrameworkCatalog.Entry, asOf: CalendarDate,
                crosswalkPath: String?, findings: [Findings] = [],
                submissionSHA256: String? = nil) throws -> (Assessment, [InputFile?]) {
        let catalog = try? FrameworkCatalog(directory: standards, loader: loader)
        let framework = catalog?.markingSuperseded(entry.framework) ?? entry.framework
        let evaluator = Evaluator(framework: framework)
        var inputs: [InputFile?] = []
        var assessment: Assessment
        let target = submission.target
        if target.framework == framework.identity.id, target.edition != framework.identity.edition,
           let older = catalog?.entry(id: target.framework, edition: target.edition),
           older.framework.identity.published < framework.identity.published {
            let links = EditionLinks(old: older.framework, new: framework)
            assessment = try EditionMigration(links: links).evaluate(submission, asOf: asOf, evaluator: evaluator,
                                                                     findings: findings, submissionSHA256: submissionSHA256)
            inputs.append(InputFile(role: "framework-migrated-from", path: older.path))
        } else {
            assessment = try evaluator.evaluate(submission, asOf: asOf, findings: findings, submissionSHA256: submissionSHA256)
        }
        if let crosswalkPath {
            let crosswalk = try loader.loadCrosswalk(contentsOf: crosswalkPath)
            let targetEntry = try FrameworkCatalog.locate(crosswalk.target.reference, directory: standards, loader: loader)
            assessment.crosswalk = try CrosswalkCoverage(crosswalk: crosswalk, assessment: assessment,
                                                         source: framework, target: targetEntry.framework)
            inputs += [InputFile(role: "crosswalk", path: crosswalkPath), InputFile(role: "crosswalk-target", path: targetEntry.path)]
        }
        return (assessment, inputs)
    }
}
