import RespectModel
import Testing

/// `CalendarDate.lastDay(withinMonths:)`: the last day an item dated on a day is within an age
/// limit, on month ends of every length, across leap years and at the calendar's edges.
@Suite("Calendar dates: the last day within an age limit")
struct CalendarDateTests {
    private func date(_ text: String) -> CalendarDate {
        CalendarDate(text)!
    }

    @Test("a day that is not a month end is within the limit until the same day, months later", arguments: [
        ("2026-01-15", 6, "2026-07-15"),
        ("2025-09-01", 12, "2026-09-01"),
        ("2026-06-29", 6, "2026-12-29"),
        ("2025-08-30", 6, "2026-02-28"),
        ("2000-02-28", 12, "2001-02-28"),
        ("2026-03-10", 0, "2026-03-10"),
    ])
    func ordinaryDay(issued: String, months: Int, lastDay: String) {
        #expect(date(issued).lastDay(withinMonths: months) == date(lastDay))
    }

    @Test("a month end is within the limit until the target month's last day", arguments: [
        // 30-day month into a 31-day month: the example.
        ("2026-06-30", 6, "2026-12-31"),
        ("2026-04-30", 1, "2026-05-31"),
        ("2026-09-30", 3, "2026-12-31"),
        // 31-day month into shorter ones: clamped, as before.
        ("2026-01-31", 1, "2026-02-28"),
        ("2025-08-31", 6, "2026-02-28"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-12-31", 6, "2027-06-30"),
        // 28-day February into 31- and 30-day months.
        ("2025-02-28", 1, "2025-03-31"),
        ("2026-02-28", 2, "2026-04-30"),
        // Leap years: a 28-day February into a 29-day one, and 29 February into both.
        ("2023-02-28", 12, "2024-02-29"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 1, "2024-03-31"),
        ("2000-02-29", 48, "2004-02-29"),
        ("1900-02-28", 48, "1904-02-29"),
        // No months: the day itself.
        ("2026-06-30", 0, "2026-06-30"),
    ])
    func monthEnd(issued: String, months: Int, lastDay: String) {
        #expect(date(issued).lastDay(withinMonths: months) == date(lastDay))
    }

    @Test("at the calendar's edges the answer is clamped to 9999-12-31", arguments: [
        ("9999-11-30", 1, "9999-12-31"),
        ("9999-06-30", 12, "9999-12-31"),
        ("9999-12-31", 0, "9999-12-31"),
        ("9999-12-15", 1, "9999-12-31"),
        ("0001-01-31", 1, "0001-02-28"),
        ("0001-01-01", 1200, "0101-01-01"),
        ("2026-06-30", Int.max, "9999-12-31"),
    ])
    func edges(issued: String, months: Int, lastDay: String) {
        #expect(date(issued).lastDay(withinMonths: months) == date(lastDay))
    }

    @Test("for every day of 2023 to 2025 and limits of 0 to 25 months, it is the last day the age test still passes")
    func agreesWithTheAgeTest() {
        var issued = date("2023-01-01")
        var checked = 0
        while issued <= date("2025-12-31") {
            for months in 0...25 {
                let last = issued.lastDay(withinMonths: months)
                // The age test: an item counts as of D when D − months is not after its date.
                let counts = { (asOf: CalendarDate) in asOf.adding(months: -months) <= issued }
                #expect(counts(last), "\(issued) + \(months) months: \(last) must still count")
                #expect(!counts(last.adding(days: 1)), "\(issued) + \(months) months: the day after \(last) must not")
                checked += 1
            }
            issued = issued.adding(days: 1)
        }
        #expect(checked == 1096 * 26)
    }
}
