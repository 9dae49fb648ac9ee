import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// A way to start: the framework reference lists what each indicator needs, and the template
/// is a valid skeleton with that guidance for the services offered.
@Suite("Framework reference and submission template")
struct TemplateTests {
    static let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)
    static let asOf = CalendarDate(year: 2026, month: 10, day: 1)!

    static let serviceTypes = TestSupport.standard2017.vocabulary.serviceTypes.map(\.id)

    @Test("a template for each service type alone is valid, has nothing that will not count, and names exactly the indicators that apply",
          arguments: serviceTypes)
    func templatePerService(service: String) throws {
        let template = try Self.engine.template(edition: "respect-standard@2017", services: [service],
                                                provider: Provider(name: "Northgate Family Safety"))
        let text = SubmissionTemplateWriter().render(template)
        let validation = Self.engine.validate(.bytes(Array(text.utf8), name: "template.xml"))
        #expect(validation.isValid, "\(validation.problems)")
        #expect(validation.notCounted.isEmpty)
        let applicable = TestSupport.standard2017.indicators.filter { $0.applicability.applies(to: template.submission.services) }
        #expect(!applicable.isEmpty)
        for indicator in TestSupport.standard2017.indicators {
            let listed = text.contains("\(indicator.number) \(indicator.id) (")
            #expect(listed == applicable.contains { $0.id == indicator.id }, "\(indicator.id)")
        }
        // Every evidence type and fact an applicable indicator needs is named by its id.
        for indicator in applicable {
            for rule in indicator.requirement.evidenceRules { #expect(text.contains("type \(rule.type) ")) }
            for threshold in indicator.requirement.factThresholds { #expect(text.contains("<fact id=\"\(threshold.factID)\"")) }
        }
    }

    @Test("the template's submission loads back with its provider and services and, checked, is not yet with nothing met")
    func templateEvaluates() throws {
        let template = try Self.engine.template(edition: "respect-standard@2017",
                                                services: ["Group behaviour-change programme (domestic violence prevention programme)",
                                                           "integrated-support-service"],
                                                riskLevels: ["standard", "high"], provider: Provider(name: "Smith & Jones <CIC>"))
        let text = SubmissionTemplateWriter().render(template)
        let loaded = try TestSupport.loader.loadSubmission(bytes: Array(text.utf8), path: "template.xml")
        #expect(loaded.provider.name == "Smith & Jones <CIC>")
        #expect(loaded.services == [OfferedService(serviceType: "group-behaviour-change", riskLevels: ["standard", "high"]),
                                    OfferedService(serviceType: "integrated-support-service", riskLevels: ["standard", "high"])])
        let assessment = try Evaluator(framework: TestSupport.standard2017).evaluate(loaded, asOf: Self.asOf)
        #expect(assessment.outcome.verdict == .notYet)
        #expect(assessment.totals.met == 0)
    }

    @Test("doing what the reference lists for every indicator, with every service offered, reaches achieved")
    func followingTheReferenceAchieves() throws {
        let services = TestSupport.standard2017.vocabulary.serviceTypes.map(\.id)
        let template = try Self.engine.template(edition: "respect-standard@2017", services: services, provider: Provider(name: "Example"))
        let filled = ReferenceFollower.submission(following: template.reference, base: template.submission, asOf: Self.asOf)
        let text = SubmissionXMLWriter.document(filled)
        let validation = Self.engine.validate(.bytes(Array(text.utf8), name: "filled.xml"))
        #expect(validation.isValid && validation.notCounted.isEmpty, "\(validation.problems) \(validation.notCounted.map(\.kind))")
        let assessment = try Evaluator(framework: TestSupport.standard2017).evaluate(filled, asOf: Self.asOf)
        #expect(assessment.outcome.verdict == .achieved)
        #expect(assessment.totals.notMet == 0 && assessment.totals.partlyMet == 0)
    }

    @Test("an unknown service type or risk level is refused with the nearest valid one and every valid id")
    func unknownChoices() throws {
        #expect {
            _ = try Self.engine.template(edition: "respect-standard@2017", services: ["group-behavior-change"], provider: Provider(name: "X"))
        } throws: { error in
            guard let error = error as? AssessmentError, case .invalidChoice(let choice) = error else { return false }
            return error.kind == .usage && choice.nearest == "group-behaviour-change" && choice.valid.count == 7
                && error.description.contains("did you mean `group-behaviour-change`?")
        }
        #expect {
            _ = try Self.engine.reference(edition: "respect-standard@2017", services: ["disruption"], riskLevels: ["hihg"])
        } throws: { error in
            (error as? AssessmentError)?.description.contains("'hihg' is not a risk level of respect-standard@2017; did you mean `high`?") == true
        }
    }

    @Test("the reference for chosen services lists only the indicators that apply, and what each fact and evidence type is used by")
    func referenceForServices() throws {
        let all = try Self.engine.reference(edition: "respect-standard@2017")
        #expect(all.indicators.count == 97, "96 indicators and the membership gate")
        #expect(all.sections.count == TestSupport.standard2017.sections.count + 1, "the sections and the gates first")
        #expect(all.sections.first?.section.id == FrameworkReference.gatesSectionID)
        let disruption = try Self.engine.reference(edition: "respect-standard@2017", services: ["disruption"])
        #expect(disruption.indicators.count < 97)
        #expect(disruption.indicators.allSatisfy { $0.applicability.applies(to: [OfferedService(serviceType: "disruption", riskLevels: ["standard", "medium", "high"])]) })
        for (fact, users) in all.factUse {
            for id in users { #expect(TestSupport.standard2017.indicator(id: id)?.requirement.factThresholds.contains { $0.factID == fact } == true) }
        }
        #expect(all.factsUsed.map(\.id).contains("programme-duration-weeks"))
    }
}
