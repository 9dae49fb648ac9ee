@testable import RespectServer
import RespectModel
import Testing

/// The iCalendar feed of expiring evidence.
@Suite("Calendar feed")
struct CalendarFeedTests {
    @Test("each item is an all-day event with a stable id, text escaped and long lines folded")
    func eventsAreEscapedAndFolded() throws {
        let date = try #require(CalendarDate("2026-11-30"))
        let item = ExpiringEvidence(evidenceID: "gov-policy", title: "Policy; with, commas\\and a line\nbreak", date: date,
                                    kind: .reviewDue, indicators: [])
        let feed = CalendarFeed.render([item], calendarName: "Expiring", summary: { "Review due: " + $0.title + String(repeating: "é", count: 40) },
                                       uidDomain: "self-assessment-1.respect", stamp: "20261001T120000Z")
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(feed.contains("UID:review-due-gov-policy-20261130@self-assessment-1.respect\r\n"))
        #expect(feed.contains("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"))
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Review due: Policy\\; with\\, commas\\\\and a line\\nbreak"))
        for line in feed.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
    }
}
