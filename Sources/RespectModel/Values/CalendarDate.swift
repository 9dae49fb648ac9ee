/// A calendar date with no time of day and no time zone, written `YYYY-MM-DD`.
///
/// Assessment dates are civil dates: "issued 2025-03-01, judged as of 2026-03-01". Using a plain
/// year-month-day value keeps every comparison exact and independent of the machine's clock
/// settings. Arithmetic is proleptic Gregorian.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (time zones, times, other orders) is `nil`.
    public init?(_ text: some StringProtocol) {
        // Reads the UTF-8 bytes in place (no copy): dates are parsed for every evidence item.
        let date: CalendarDate? = text.utf8.withContiguousStorageIfAvailable(Self.parse)
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.parse)
        guard let date else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD`, as the generic form does. A `String` (what callers almost
    /// always have) is read here without the generic form's run-time look-ups of its views.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8(Self.parse) else { return nil }
        self = date
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        for offset in 0..<10 {
            let byte = bytes[offset]
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The date `months` calendar months later (earlier when negative). When the target month is
    /// shorter, the day is clamped to its last day: 2025-08-31 + 6 months = 2026-02-28.
    /// A result before 0001-01-01 or after 9999-12-31 is clamped to that date.
    public func adding(months: Int) -> CalendarDate {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months < 0 ? .minimum : .maximum }
        if total < CalendarDate.minimum.year * 12 { return .minimum }
        if total > CalendarDate.maximum.year * 12 + 11 { return .maximum }
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? .minimum
    }

    /// The last day on which something dated `self` is at most `months` calendar months old
    /// (`months` ≥ 0): the latest `D` with `D.adding(months: -months) <= self`, which is the test
    /// an age limit applies. Usually `adding(months:)`; but when `self` is the last day of its
    /// month, every day of the target month reaches back to it, so the answer is that month's
    /// last day: 2026-06-30 is within 6 months until 2026-12-31 (2026-12-31 − 6 months is
    /// clamped to 2026-06-30), and 2023-02-28 within 12 months until 2024-02-29. Clamped to
    /// 9999-12-31.
    public func lastDay(withinMonths months: Int) -> CalendarDate {
        let target = adding(months: months)
        guard day == CalendarDate.daysIn(month: month, year: year) else { return target }
        return CalendarDate(year: target.year, month: target.month,
                            day: CalendarDate.daysIn(month: target.month, year: target.year)) ?? target
    }

    /// The date `days` days later (earlier when negative), clamped to 0001-01-01…9999-12-31.
    public func adding(days: Int) -> CalendarDate {
        let (target, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days < 0 ? .minimum : .maximum }
        return CalendarDate(dayNumber: target)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (an internal counting origin).
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12 // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    init(dayNumber: Int) {
        let clamped = min(max(dayNumber, CalendarDate.minimum.dayNumber), CalendarDate.maximum.dayNumber)
        let era = clamped / 146_097
        let dayOfEra = clamped - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    /// The earliest and latest representable dates.
    public static let minimum = CalendarDate(year: 1, month: 1, day: 1)!
    public static let maximum = CalendarDate(year: 9999, month: 12, day: 31)!
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as YYYY-MM-DD, found '\(text)'")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
