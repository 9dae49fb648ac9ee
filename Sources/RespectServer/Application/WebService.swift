import Foundation
import RespectAssessment
import RespectModel
import RespectStore

/// The parts every route uses: the store, the use cases, the configuration, and the words and
/// templates of the pages. Built once when the server starts; holds nothing that changes, so a
/// second process on the same database serves the same answers.
struct WebService: Sendable {
    let store: any ServiceStore
    let engine: AssessmentEngine
    let configuration: ServerConfiguration
    let accounts: AccountService
    let pages: PageRenderer
    let catalogue: Catalogue
    /// The OpenAPI document served at `/openapi.json`, as committed.
    let openAPIDocument: [UInt8]
    /// The pages' style sheet (`/static/style.css`): the HTML reports' own stylesheet, so pages and
    /// reports share one visual language, then the pages' additions.
    let styleSheet: [UInt8]
    /// Assessments of stored versions already made, so a page read again is not assessed again.
    let assessments = AssessmentCache()
    /// How much XML is read and assessed at once (`WorkBudget`).
    let budget = WorkBudget()
    /// The large request bodies held at once (`UploadMemory`).
    let uploads: UploadMemory

    /// Today, as the as-of date of a check that names none.
    var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: configuration.today())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? .minimum
    }

    var now: Date { configuration.today() }
}
