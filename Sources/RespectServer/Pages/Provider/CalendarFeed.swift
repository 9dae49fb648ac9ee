import RespectModel

/// The iCalendar feed (RFC 5545) of a self-assessment's expiring evidence: one all-day event
/// per item and date, so a team's calendar shows when a document must be renewed. Text values
/// are escaped as the RFC says (backslash, semicolon, comma, line breaks) and lines folded at
/// 75 octets; the event's UID is stable for the same item, date and kind, so a refreshed feed
/// updates events instead of adding copies.
enum CalendarFeed {
    static func render(_ items: [ExpiringEvidence], calendarName: String, summary: (ExpiringEvidence) -> String,
                       uidDomain: String, stamp: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Respect Standard self-assessment//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calendarName)]
        for item in items {
            lines += ["BEGIN:VEVENT",
                      "UID:\(item.kind.rawValue)-\(item.evidenceID)-\(item.date.compact)@\(uidDomain)",
                      "DTSTAMP:" + stamp,
                      "DTSTART;VALUE=DATE:" + item.date.compact,
                      "DTEND;VALUE=DATE:" + item.date.adding(days: 1).compact,
                      "SUMMARY:" + escape(summary(item)),
                      "TRANSP:TRANSPARENT",
                      "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping: `\\`, `\;`, `\,`, and `\n` for a line break.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }
}
