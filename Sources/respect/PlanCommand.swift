import ArgumentParser
import RespectCommandSupport
import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports

/// `respect plan`: the path to the next verdict for one submission.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        _superCommandName: "respect",
        abstract: "Say what to add to a submission to lift its verdict: to the next level, then to achieved.",
        discussion: """
            For the outcome the submission gets now, the plan lists the fewest indicators whose \
            being met lifts it to the next verdict of the framework's outcome rules, then to the \
            highest: safety-critical first, then mandatory, then desirable, each with exactly \
            what to add (evidence of which type, how many, issued on or after which date; a fact \
            and its value, citing an item that shows it; a service to offer) or, where the rule \
            accepts one, an action-plan entry due by which date. Indicators only a site visit or \
            a case-file sample can confirm are planned as awaiting an assessor, never as met. \
            Every step has been applied to the submission and evaluated again.

            --draft-actions also prints the action-plan entries the plan asks for, as XML to \
            paste into the submission's <actionPlan>; fill in each owner and due date.

            The inputs are read as check reads them (--framework, --as-of, --findings, \
            --standards and the size limits); the exit code is the current outcome's, as for \
            check. Plans are not recorded in a run store.

            Example:
              respect plan examples/submissions/not-yet.xml
              respect plan examples/submissions/not-yet.xml --format html -o plan.html
              respect plan examples/submissions/not-yet.xml --draft-actions
            """
    )

    @Argument(help: ArgumentHelp("The submission XML file.", valueName: "submission"))
    var submission: String

    @Option(name: .long, help: ArgumentHelp("Framework file, or ID@EDITION from the standards folder (default: the submission's target).", valueName: "file|id"))
    var framework: String?

    @Option(name: .long, help: ArgumentHelp("Judge evidence as of this date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Output format: text, json or html (one self-contained page to print or share).")
    var format: CheckFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the plan to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Also give the action-plan entries the plan asks for, as XML to paste into the submission.")
    var draftActions = false

    @Option(name: .long, help: ArgumentHelp("""
        An assessor's findings file, or a folder: every findings file in it that concerns the \
        submission is applied (repeatable), and the plan is worked out with them.
        """, valueName: "file|dir"))
    var findings: [String] = []

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD, e.g. 2026-10-01")
        }
    }

    func run() throws {
        do {
            try OutputDestination.checkWritable(output, inputs: [submission] + [framework].compactMap { $0 })
            let engine = try engine.engine()
            let request = AssessmentRequest(submission: .file(submission), framework: framework,
                                            asOf: asOf.flatMap { CalendarDate($0) }, today: .today(),
                                            findings: try FindingsSet(paths: findings, loader: engine.loader))
            let assessment = try engine.plan(request).assessment
            let report: String
            switch format {
            case .text:
                let colour = output == nil && OutputDestination.standardOutputIsTerminal
                report = PlanTextReport(style: TextStyle(colour: colour), includesDraftActions: draftActions).render(assessment)
            case .json:
                report = try JSONReport.renderPlan(assessment, includesDraftActions: draftActions)
            case .html:
                report = HTMLPlanReport(includesDraftActions: draftActions).render(assessment)
            }
            try OutputDestination.write(report, to: output)
            throw RespectExit.forVerdict(assessment.outcome.verdict)
        } catch {
            throw RespectExit.report(error)
        }
    }
}
